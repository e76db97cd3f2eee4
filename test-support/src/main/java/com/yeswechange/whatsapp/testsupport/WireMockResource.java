package com.yeswechange.whatsapp.testsupport;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

/**
 * A WireMock server on a free port for one {@code @QuarkusTest} class, handed to the test's field marked
 * {@link Server}. A subclass says which configuration points at it (e.g. {@code chatwoot.base-url}).
 */
public abstract class WireMockResource implements QuarkusTestResourceLifecycleManager {

    /** Marks the test field that receives the running {@link WireMockServer}. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Server {
    }

    private WireMockServer server;

    /** The configuration the application under test gets, pointing at {@code baseUrl}. */
    protected abstract Map<String, String> properties(String baseUrl);

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        return properties(server.baseUrl());
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(Server.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
