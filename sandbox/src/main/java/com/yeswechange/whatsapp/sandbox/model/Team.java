package com.yeswechange.whatsapp.sandbox.model;

import java.util.List;

public record Team(long id, String name, String description, List<Long> memberIds) {
}
