package io.productopsdash.definitions.json;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import io.productopsdash.models.WeekId;
import java.io.IOException;
import java.time.Instant;
import java.util.function.Function;

/**
 * The JSON of the API: records by their components, instants as ISO-8601 text, weeks as {@code
 * 2026-W07}, no HTML escaping, nulls left out. The server answers with it and the Spark job
 * writes its reports with it, so a report reads the same from either.
 */
public final class ApiJson {
  public static final Gson GSON =
      new GsonBuilder()
          .disableHtmlEscaping()
          .registerTypeAdapter(Instant.class, new ToStringAdapter<>(Instant::parse).nullSafe())
          .registerTypeAdapter(WeekId.class, new ToStringAdapter<>(WeekId::parse).nullSafe())
          .create();

  private ApiJson() {}

  /** Writes a value as its toString and reads it with a parser. */
  private static final class ToStringAdapter<T> extends TypeAdapter<T> {
    private final Function<String, T> parser;

    ToStringAdapter(Function<String, T> parser) {
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
