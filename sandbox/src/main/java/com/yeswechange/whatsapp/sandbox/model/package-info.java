/**
 * The sandbox's in-memory records. They are plain mutable holders guarded by {@code SandboxStore}'s lock, so their
 * fields are public; rendering to Chatwoot's and Twilio's JSON shapes lives in the service layer.
 */
package com.yeswechange.whatsapp.sandbox.model;
