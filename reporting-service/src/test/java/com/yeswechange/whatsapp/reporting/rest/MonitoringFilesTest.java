package com.yeswechange.whatsapp.reporting.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The PromQL name extraction the metric-coverage check relies on. */
class MonitoringFilesTest {

    @Test
    void findsMetricNamesAndSkipsFunctionsLabelsRangesAndGroupings() {
        assertThat(MonitoringFiles.metricNames("histogram_quantile(0.9, sum by (le, agent) "
                + "(rate(reporting_queue_time_seconds_bucket{application=~\"$application\"}[$__rate_interval]))) > 900"))
                .containsExactly("reporting_queue_time_seconds_bucket");
        assertThat(MonitoringFiles.metricNames("sum(rate(reporting_sends_total{outcome=\"FAILED\"}[15m])) / "
                + "clamp_min(sum(rate(reporting_sends_total[15m])), 1) > 0.1 and on() vector(1)"))
                .containsExactly("reporting_sends_total");
        assertThat(MonitoringFiles.metricNames("up{job=~\"reporting|gateway\"} == 0 unless ignoring(job) foo_bar"))
                .containsExactly("foo_bar", "up");
        assertThat(MonitoringFiles.metricNames("delta(whatsapp_dlq_records[15m]) > 1e3"))
                .containsExactly("whatsapp_dlq_records");
    }

    @Test
    void anExportedNameMustMatchAWholeSampleName() {
        String exposition = """
                # TYPE reporting_sends_total counter
                reporting_sends_total{outcome="SENT"} 1.0
                up_time 3
                """;
        assertThat(MonitoringFiles.isExported("reporting_sends_total", exposition)).isTrue();
        assertThat(MonitoringFiles.isExported("reporting_sends", exposition)).isFalse();
        assertThat(MonitoringFiles.isExported("up", exposition)).isFalse();
    }
}
