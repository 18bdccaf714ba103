package io.productopsdash.server.http;

import com.google.gson.Gson;
import io.javalin.json.JsonMapper;
import io.productopsdash.definitions.json.ApiJson;
import java.lang.reflect.Type;

/** Javalin's JSON mapper backed by the API's Gson ({@link ApiJson}). */
public final class GsonJsonMapper implements JsonMapper {
  public static final Gson GSON = ApiJson.GSON;

  @Override
  public String toJsonString(Object obj, Type type) {
    return GSON.toJson(obj, type);
  }

  @Override
  public <T> T fromJsonString(String json, Type targetType) {
    return GSON.fromJson(json, targetType);
  }
}
