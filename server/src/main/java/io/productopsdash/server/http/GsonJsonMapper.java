package io.productopsdash.server.http;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import io.javalin.json.JsonMapper;
import io.productopsdash.models.WeekId;
import java.io.IOException;
import java.lang.reflect.Type;
import java.time.Instant;

/** Javalin's JSON mapper backed by Gson: instants as ISO-8601 text, weeks as {@code 2026-W07}. */
public final class GsonJsonMapper implements JsonMapper {
  public static final Gson GSON =
      new GsonBuilder()
          .disableHtmlEscaping()
          .registerTypeAdapter(Instant.class, new ToStringAdapter<>(Instant::parse).nullSafe())
          .registerTypeAdapter(WeekId.class, new ToStringAdapter<>(WeekId::parse).nullSafe())
          .create();

  @Override
  public String toJsonString(Object obj, Type type) {
    return GSON.toJson(obj, type);
  }

  @Override
  public <T> T fromJsonString(String json, Type targetType) {
    return GSON.fromJson(json, targetType);
  }

  /** Writes a value as its toString and reads it with a parser. */
  private static final class ToStringAdapter<T> extends TypeAdapter<T> {
    private final java.util.function.Function<String, T> parser;

    ToStringAdapter(java.util.function.Function<String, T> parser) {
      this.parser = parser;
    }

    @Override
    public void write(JsonWriter out, T value) throws IOException {
      out.value(value.toString());
    }

    @Override
    public T read(JsonReader in) throws IOException {
      return parser.apply(in.nextString());
    }
  }
}
