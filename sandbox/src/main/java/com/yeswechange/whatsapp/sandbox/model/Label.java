package com.yeswechange.whatsapp.sandbox.model;

public record Label(long id, String title, String description, String color) {
}
