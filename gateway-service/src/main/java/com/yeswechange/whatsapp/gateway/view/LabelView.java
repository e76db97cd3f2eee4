package com.yeswechange.whatsapp.gateway.view;

public record LabelView(long id, String title, String description, String color) {
}
