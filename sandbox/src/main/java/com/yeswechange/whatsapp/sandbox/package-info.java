/** Stand-ins for Chatwoot and Twilio, and the WhatsApp customer page. */
package com.yeswechange.whatsapp.sandbox;
