package com.yeswechange.whatsapp.reporting.streams;

import java.util.Arrays;

/**
 * An aggregate: how many facts, their sum, min and max, and for durations a histogram over fixed bounds (seconds), so that
 * days can be merged into a week or a month and still give percentiles.
 *
 * @param buckets counts per bound of {@link #BOUNDS}, the last one for anything above the last bound
 */
public record Stats(long count, double sum, double min, double max, long[] buckets) {

    /** Upper bounds in seconds: 15 s to 1 day; a last bucket takes the rest. */
    public static final double[] BOUNDS = {15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400, 28800, 86400};

    public static final Stats EMPTY = new Stats(0, 0, 0, 0, new long[BOUNDS.length + 1]);

    public Stats {
        buckets = buckets == null || buckets.length != BOUNDS.length + 1 ? new long[BOUNDS.length + 1] : buckets;
    }

    public Stats add(double value) {
        long[] next = buckets.clone();
        next[bucketOf(value)]++;
        return new Stats(count + 1, sum + value, count == 0 ? value : Math.min(min, value),
                count == 0 ? value : Math.max(max, value), next);
    }

    public Stats merge(Stats other) {
        if (other == null || other.count == 0) {
            return this;
        }
        if (count == 0) {
            return other;
        }
        long[] next = buckets.clone();
        for (int i = 0; i < next.length; i++) {
            next[i] += other.buckets[i];
        }
        return new Stats(count + other.count, sum + other.sum, Math.min(min, other.min), Math.max(max, other.max),
                next);
    }

    public Double average() {
        return count == 0 ? null : sum / count;
    }

    /**
     * The q-quantile (0..1) estimated from the histogram: linear inside the bucket that holds the rank, kept within the true
     * min and max. Null when empty.
     */
    public Double quantile(double q) {
        if (count == 0) {
            return null;
        }
        double rank = q * count;
        long seen = 0;
        for (int i = 0; i < buckets.length; i++) {
            long inBucket = buckets[i];
            if (inBucket > 0 && seen + inBucket >= rank) {
                double lower = i == 0 ? 0 : BOUNDS[i - 1];
                double upper = i < BOUNDS.length ? BOUNDS[i] : max;
                double estimate = lower + (upper - lower) * Math.max(0, rank - seen) / inBucket;
                return Math.max(min, Math.min(estimate, max));
            }
            seen += inBucket;
        }
        return max;
    }

    private static int bucketOf(double value) {
        for (int i = 0; i < BOUNDS.length; i++) {
            if (value <= BOUNDS[i]) {
                return i;
            }
        }
        return BOUNDS.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Stats s && s.count == count && s.sum == sum && s.min == min && s.max == max
                && Arrays.equals(s.buckets, buckets);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(count) * 31 + Arrays.hashCode(buckets);
    }

    @Override
    public String toString() {
        return "Stats[count=" + count + ", sum=" + sum + ", min=" + min + ", max=" + max + "]";
    }
}
