/** Declarative REST client for Chatwoot v4.x: application API (v1), reports (v2), platform API. */
package com.yeswechange.whatsapp.chatwoot;
