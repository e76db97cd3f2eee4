package com.yeswechange.whatsapp.gateway.view;

import java.util.List;

/** One page (15) of a contact search. */
public record ContactPage(List<ContactView> items, int page, boolean hasMore, int count) {
}
