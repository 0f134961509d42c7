package org.countersign.json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.InputStream;
import java.io.Reader;

/**
 * JSON-P through one provider looked up once. The static methods of {@code jakarta.json.Json} look
 * the provider up on every call, which scans the class path each time; on the request path that
 * cost more than the database. Same method names as {@code Json}, so {@code
 * Jsonp.createObjectBuilder()} reads as usual.
 */
public final class Jsonp {

  private static final JsonProvider PROVIDER = JsonProvider.provider();

  private Jsonp() {}

  public static JsonObjectBuilder createObjectBuilder() {
    return PROVIDER.createObjectBuilder();
  }

  public static JsonObjectBuilder createObjectBuilder(JsonObject object) {
    return PROVIDER.createObjectBuilder(object);
  }

  public static JsonArrayBuilder createArrayBuilder() {
    return PROVIDER.createArrayBuilder();
  }

  public static JsonString createValue(String value) {
    return PROVIDER.createValue(value);
  }

  public static JsonNumber createValue(int value) {
    return PROVIDER.createValue(value);
  }

  public static JsonNumber createValue(long value) {
    return PROVIDER.createValue(value);
  }

  public static JsonReader createReader(Reader reader) {
    return PROVIDER.createReader(reader);
  }

  public static JsonParser createParser(InputStream in) {
    return PROVIDER.createParser(in);
  }
}
