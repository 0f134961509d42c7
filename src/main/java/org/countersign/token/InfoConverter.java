package org.countersign.token;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import org.countersign.json.Jsonp;

/**
 * Stores a token's public parameters as one small JSON object, read with the row in a single query.
 */
@Converter
public class InfoConverter implements AttributeConverter<Map<String, String>, String> {

  @Override
  public String convertToDatabaseColumn(Map<String, String> info) {
    JsonObjectBuilder json = Jsonp.createObjectBuilder();
    if (info != null) {
      info.forEach(json::add);
    }
    return json.build().toString();
  }

  @Override
  public Map<String, String> convertToEntityAttribute(String column) {
    Map<String, String> info = new LinkedHashMap<>();
    if (column == null || column.isBlank()) {
      return info;
    }
    try (JsonReader reader = Jsonp.createReader(new StringReader(column))) {
      JsonObject object = reader.readObject();
      for (Map.Entry<String, JsonValue> e : object.entrySet()) {
        if (e.getValue() instanceof JsonString) {
          info.put(e.getKey(), ((JsonString) e.getValue()).getString());
        }
      }
    }
    return info;
  }
}
