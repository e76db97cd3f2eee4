package com.yeswechange.whatsapp.chatwoot.dto;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * One condition of POST conversations/filter, e.g. {@code status equal_to [open]}. queryOperator (AND / OR) joins it
 * to the next condition and is null on the last one.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record FilterCondition(String attributeKey, String filterOperator, List<Object> values, String queryOperator) {

    public static FilterCondition equalTo(String attributeKey, Object... values) {
        return new FilterCondition(attributeKey, "equal_to", List.of(values), null);
    }

    /** This condition joined to the next one with AND. */
    public FilterCondition and() {
        return new FilterCondition(attributeKey, filterOperator, values, "AND");
    }

    /** This condition joined to the next one with OR. */
    public FilterCondition or() {
        return new FilterCondition(attributeKey, filterOperator, values, "OR");
    }
}
