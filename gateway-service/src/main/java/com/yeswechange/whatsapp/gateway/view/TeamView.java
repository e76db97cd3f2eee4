package com.yeswechange.whatsapp.gateway.view;

public record TeamView(long id, String name) {
}
