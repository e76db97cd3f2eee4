package com.yeswechange.whatsapp.sandbox.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.yeswechange.whatsapp.sandbox.config.SandboxConfig;
import com.yeswechange.whatsapp.sandbox.service.ApiException;

/** The sandbox has one account; Chatwoot answers 401 to users asking for an account they do not belong to. */
@ApplicationScoped
public class AccountGuard {

    @Inject
    SandboxConfig config;

    @Inject
    CurrentUser current;

    void check(long accountId) {
        if (accountId != config.chatwoot().accountId()) {
            throw ApiException.unauthorized();
        }
    }

    /** v2 reports need an administrator (report_policy.rb). */
    void checkAdministrator(long accountId) {
        check(accountId);
        if (!current.user().isAdministrator()) {
            throw new ApiException(401, java.util.Map.of("error", "You are not authorized to access this page"));
        }
    }
}
