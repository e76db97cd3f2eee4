package com.yeswechange.whatsapp.sandbox.service;

import jakarta.inject.Singleton;

/**
 * Fault switches that reliability and end-to-end tests flip over the admin API. All off by default; a reset puts them
 * back. Fields are volatile: read on request threads, written by the admin resource. A @Singleton: no client proxy
 * stands between readers and the fields.
 */
@Singleton
public class Faults {

    /** Chatwoot API answers 503 to every request (the system of record is down). */
    public volatile boolean chatwootDown;
    /** Chatwoot API answers 429 to every request. */
    public volatile boolean chatwootRateLimited;
    /** Delay added to every Chatwoot API answer, in milliseconds. */
    public volatile long chatwootDelayMillis;
    /** conversations/meta is limited per token as Chatwoot's rack-attack does (null: as configured). */
    public volatile Boolean metaRateLimitEnabled;
    /** No Chatwoot webhook is sent (they are still recorded as skipped). */
    public volatile boolean webhooksDisabled;

    /** Messages.json answers 500 (code 20500). */
    public volatile boolean twilioServerError;
    /** Messages.json answers 429 with code 20429. */
    public volatile boolean twilioRateLimited;
    /** Delay added to every Twilio answer, in milliseconds. */
    public volatile long twilioDelayMillis;
    /** Status callbacks are not sent. */
    public volatile boolean statusCallbacksDropped;
    /** Every accepted send ends with this error code in a failed/undelivered status callback (e.g. 63018, 63003). */
    public volatile Integer twilioFailureCode;
    /** Treat every customer as outside the 24-hour window (free-form sends fail with 63016). */
    public volatile boolean windowClosed;

    public void reset() {
        chatwootDown = false;
        chatwootRateLimited = false;
        chatwootDelayMillis = 0;
        metaRateLimitEnabled = null;
        webhooksDisabled = false;
        twilioServerError = false;
        twilioRateLimited = false;
        twilioDelayMillis = 0;
        statusCallbacksDropped = false;
        twilioFailureCode = null;
        windowClosed = false;
    }
}
