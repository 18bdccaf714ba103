package io.productopsdash.models.rollup;

/**
 * How deeply a feature area was used in a week. {@code users} are the week's active users with at
 * least one event in the area; {@code shareOfActiveUsers} is their fraction of the week's active
 * users; {@code eventsPerUser} and {@code activeDaysPerUser} are means over them (days: distinct
 * calendar days with an area event); {@code depth1}, {@code depth2to5}, {@code depth6plus} count
 * them by their number of area events that week. Means and share are null when nobody qualifies.
 */
public record AreaDepth(
    String area,
    long users,
    Double shareOfActiveUsers,
    Double eventsPerUser,
    Double activeDaysPerUser,
    long depth1,
    long depth2to5,
    long depth6plus) {
  public AreaDepth {
    Checks.required("area", area);
    Checks.count("users", users);
    Checks.share("shareOfActiveUsers", shareOfActiveUsers);
    if (Checks.count("depth1", depth1) + Checks.count("depth2to5", depth2to5) + Checks.count("depth6plus", depth6plus)
        != users) {
      throw new IllegalArgumentException("depth levels of " + area + " must sum to its " + users + " users");
    }
  }
}
