package com.yeswechange.whatsapp.sandbox.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Serves the phone page at /phone (and /phone/); its script and styles are static files next to it. */
@Path("/phone")
public class PhonePage {

    @GET
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    public byte[] page() {
        try (InputStream in = PhonePage.class.getClassLoader()
                .getResourceAsStream("META-INF/resources/phone/index.html")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
