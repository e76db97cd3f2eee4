package com.yeswechange.whatsapp.reporting.streams;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void anEmptyAggregateHasNoAverageNorQuantile() {
        assertThat(Stats.EMPTY.average()).isNull();
        assertThat(Stats.EMPTY.quantile(0.5)).isNull();
    }

    @Test
    void aSingleSampleIsItsOwnQuantile() {
        Stats one = Stats.EMPTY.add(100);
        assertThat(one.quantile(0.5)).isEqualTo(100.0);
        assertThat(one.quantile(0.9)).isEqualTo(100.0);
    }

    @Test
    void mergingDaysKeepsCountsSumsExtremesAndHistogram() {
        Stats monday = Stats.EMPTY.add(10).add(50);
        Stats tuesday = Stats.EMPTY.add(4000);
        Stats week = monday.merge(tuesday);

        assertThat(week.count()).isEqualTo(3);
        assertThat(week.sum()).isEqualTo(4060.0);
        assertThat(week.min()).isEqualTo(10.0);
        assertThat(week.max()).isEqualTo(4000.0);
        assertThat(week.average()).isEqualTo(4060.0 / 3);
        assertThat(week).isEqualTo(Stats.EMPTY.add(4000).add(50).add(10));
        assertThat(Stats.EMPTY.merge(week)).isEqualTo(week);
        assertThat(week.merge(Stats.EMPTY)).isEqualTo(week);
    }

    @Test
    void samplesBeyondTheLastBoundStillCountAndCapAtTheMax() {
        Stats long1 = Stats.EMPTY.add(200_000).add(300_000);
        assertThat(long1.quantile(0.99)).isLessThanOrEqualTo(300_000.0).isGreaterThan(86_400.0);
    }
}
