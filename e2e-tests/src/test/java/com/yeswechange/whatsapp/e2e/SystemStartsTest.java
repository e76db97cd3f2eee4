package com.yeswechange.whatsapp.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The packaged services start as processes, reach the shared broker, and expose health and metrics. */
class SystemStartsTest {

    private static SystemUnderTest system;

    @BeforeAll
    static void startSystem() {
        system = SystemUnderTest.get();
    }

    @Test
    void everyServiceIsReadyWithKafkaAndExposesMetrics() {
        for (AppProcess service : system.services()) {
            given().baseUri(service.url()).get("/q/health/ready")
                    .then().statusCode(200)
                    .body("status", equalTo("UP"))
                    .body("checks.find { it.name == 'Kafka connection health check' }.status", equalTo("UP"));
            given().baseUri(service.url()).get("/q/metrics")
                    .then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        }
    }
}
