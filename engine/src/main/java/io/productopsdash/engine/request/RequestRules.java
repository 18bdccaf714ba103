package io.productopsdash.engine.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The request patterns. Written from how people phrase requests in English (modal + request
 * verb, imperatives, wishes, "would be nice", needs, suggestions, questions asking for a
 * capability), not from any evaluation set's sentences.
 *
 * <p>Every rule matches inside one normalised sentence. The <em>scope</em> of a match is the
 * match plus the rest of its clause (up to punctuation or a conjunction such as "but"): that is
 * the thing asked for. A rule is suppressed when its scope asks for a fix rather than for new
 * behaviour ("please fix the crash", "would be great if it worked"), or when its own veto
 * matches ("I wish I had never bought it", "you should download this app").
 */
final class RequestRules {
  private RequestRules() {}

  /**
   * One pattern of one kind.
   *
   * @param id stable rule id, {@code kind.name} style
   * @param kind the kind of cue
   * @param weight what one match adds (the kind's weight unless overridden), in (0, 1)
   * @param pattern the cue
   * @param veto suppresses a match when found in its scope
   * @param fixVeto whether a scope asking for a fix suppresses the match
   * @param anchors lower-case substrings one of which every match contains; the pattern only
   *     runs when the lower-cased sentence contains one (empty: always run)
   */
  record Rule(
      String id,
      CueKind kind,
      double weight,
      Pattern pattern,
      Pattern veto,
      boolean fixVeto,
      List<String> anchors) {
    Rule {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(pattern, "pattern");
      Objects.requireNonNull(veto, "veto");
      anchors = List.copyOf(anchors);
      if (!(weight > 0.0 && weight < 1.0)) {
        throw new IllegalArgumentException("Invalid weight for rule " + id + ": " + weight);
      }
    }

    Rule(String id, CueKind kind, double weight, Pattern pattern, Pattern veto, boolean fixVeto) {
      this(id, kind, weight, pattern, veto, fixVeto, List.of());
    }

    boolean mayMatch(String lowerCaseSentence) {
      if (anchors.isEmpty()) {
        return true;
      }
      for (String a : anchors) {
        if (lowerCaseSentence.contains(a)) {
          return true;
        }
      }
      return false;
    }
  }

  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  private static Pattern p(String regex) {
    return Pattern.compile(regex, FLAGS);
  }

  // Adverbs that may sit between a subject, a modal and a verb.
  private static final String ADV =
      "(?:(?:really|also|just|only|still|definitely|so|very|seriously|totally|truly|honestly"
          + "|personally|desperately|badly|absolutely|much|even|simply|sure|certainly|actually"
          + "|greatly|sincerely|particularly|especially|at least|probably|kind of|kinda|all)\\s+)*";
  private static final String NICE =
      "(?:nice|great|cool|awesome|helpful|good|useful|lovely|fantastic|amazing|ideal|handy"
          + "|perfect|wonderful|excellent|better|best|convenient|neat|beneficial|brilliant|sweet"
          + "|fabulous|fab|terrific|superb|smart|practical|valuable|welcome|appreciated|easier"
          + "|simpler|faster|awsome|grand|ace|super|a plus|a bonus|an improvement"
          + "|a big improvement|a huge improvement|a nice touch|a good idea|a great idea)";
  // Verbs that ask for new behaviour after a modal or "please".
  private static final String ASK_VERB =
      "(?:add|include|allow|let|give|bring|make|implement|introduce|enable|support|offer|provide"
          + "|put|create|restore|remove|increase|decrease|reduce|improve|integrate|change"
          + "|consider|expand|extend|revert|re-?add|reinstate|get rid of|unlock|lower|raise|port"
          + "|develop|design|release|build|update|stop|have|get|do something|sync|link|adjust"
          + "|turn|show|display|separate|return|go back|switch|optimi[sz]e|upgrade|work on"
          + "|look at|think about|hire|listen|offer|translate|fix)";
  // Request verbs that may open an imperative sentence or clause.
  private static final String IMPERATIVE_VERB =
      "(?:add|include|allow|implement|introduce|enable|provide|create|restore|remove|increase"
          + "|decrease|reduce|improve|integrate|consider|expand|extend|revert|re-?add|reinstate"
          + "|unlock|lower|raise|port|optimi[sz]e"
          + "|let (?:us|me|users|people|the user|you)|give (?:us|me|users|people|the (?:option"
          + "|ability|choice|user)|an? option)|bring(?: back| it back| them back| the)"
          + "|make (?:it|this|the|a|an|them|some|more|an? option)"
          + "|put (?:back|in|an?|the|some|more|them|it)|change (?:it|this|the|that|them)"
          + "|get rid of|update (?:it|the app|this app) (?:to|with|for)"
          + "|stop (?:asking|showing|sending|forcing|making|charging|putting|adding|pushing"
          + "|changing|the|with|nagging|popping|requiring|spamming|limiting|removing)"
          + "|support (?:for|more|other|the|landscape|ipad|tablets?|android|\\w+ (?:devices|mode"
          + "|format|files)))";

  /**
   * The thing asked for is a fix: a bug word, something that does not work, or a plea for a
   * refund. New-behaviour words in the same scope lift the suppression.
   */
  static final Pattern FIX =
      p(
          "\\b(?:fix\\w*|repair\\w*|solve\\w*|resolve\\w*|debug\\w*|crash\\w*|freez\\w*|froze"
              + "|frozen|force[ -]?clos\\w*|bugs?|buggy|glitch\\w*|errors?|lag|lags|lagging"
              + "|laggy|hangs?|hanging|black screen|blank screen|white screen|refunds?"
              + "|money back|my money|stop(?:s|ped)? (?:working|crashing|freezing|closing|lagging"
              + "|loading)|(?:works?|worked|working|load(?:s|ed|ing)?) (?:again|properly|correctly"
              + "|right|fine|better|normally|as (?:it|they) should)"
              + "|(?:doesn't|does not|won't|will not|can't|cannot|didn't|did not|isn't|not|never"
              + "|wouldn't|couldn't|keeps?|stopped) (?:\\w+ )?(?:work|load|open|start|launch"
              + "|install"
              + "|play|connect|respond|sync|run|function|log ?in|sign ?in|crash)\\w*"
              + "|if (?:it|this|the app|they|you|this app|the game) (?:would |could |actually "
              + "|just |even |ever |only |could just |would just )*(?:work|worked|works|load"
              + "|loads|loaded|open|opens|opened|run|runs|ran|functioned|start|starts|started"
              + "|launch|launches|install|installs|stopped crashing|didn't crash)\\b"
              + "|(?:make|get) (?:it|this|the app|the game) (?:to )?(?:work|load|open|run)"
              + "|(?:this|the|that) (?:problem|issue)|(?:problems?|issues?) (?:with|on|in|of)"
              + "|(?:didn't|did not|wouldn't|would not|don't|doesn't|do not|does not) (?:\\w+ )?"
              + "(?:fail|crash|freeze|lag|hang|break)\\w*)\\b");

  /** Words that show the scope asks for new behaviour even if it also mentions a bug. */
  static final Pattern NEW_BEHAVIOUR =
      p(
          "\\b(?:add|adding|option|options|ability|support for|allow"
              + "|allowing|integrat\\w*|customi[sz]\\w*)\\b");

  private static final Pattern NONE = Pattern.compile("(?!)");

  private static Rule rule(String id, CueKind kind, String regex) {
    return new Rule(id, kind, kind.weight(), p(regex), NONE, true);
  }

  private static Rule rule(String id, CueKind kind, String regex, String veto) {
    return new Rule(id, kind, kind.weight(), p(regex), veto == null ? NONE : p(veto), true);
  }

  private static Rule weighted(String id, CueKind kind, double weight, String regex, String veto) {
    return new Rule(id, kind, weight, p(regex), veto == null ? NONE : p(veto), true);
  }

  private static Rule noFixVeto(String id, CueKind kind, String regex, String veto) {
    return new Rule(id, kind, kind.weight(), p(regex), veto == null ? NONE : p(veto), false);
  }

  private static List<Rule> build() {
    List<Rule> r = new ArrayList<>();

    // --- wishes and hopes --------------------------------------------------------------------
    String wishVeto =
        "wish(?:ed)?,? (?:i (?:had |could have |would have |'d )?(?:never|not|hadn't|didn't"
            + "|could give (?:it |this |you |them )?(?:a )?(?:zero|0|no|negative|less|minus|half"
            + "|fewer|lower))|i'd never|i could (?:rate|give) (?:it )?(?:zero|0|no|less|lower)"
            + "|(?:you|them|everyone|y'all)(?: all)? (?:a|the best|luck|happy|merry|good|well"
            + "|success)|(?:this|it|the app) (?:was|were|had been) (?:free|cheaper|still)"
            + "|(?:someone|somebody|i|i'd|they|you|people) (?:had )?(?:warned|told|known|read"
            + "|checked|listened|realized|noticed|seen)|i (?:had )?(?:remembered|knew|had known"
            + "|was|were|had|could afford|could remember|didn't need)"
            + "|i(?:'d| had) (?:\\w+ed|found|known|seen|bought|got|gotten|done|read|heard|taken"
            + "|been|made|thought|paid|left|chosen|given|begun|kept))\\b";
    r.add(rule("wish.subject", CueKind.WISH, "\\b(?:i|we)\\s+" + ADV + "(?:do\\s+)?wish(?:ed)?\\b",
        wishVeto));
    r.add(rule("wish.bare", CueKind.WISH,
        "(?:^|[,;:(]\\s*|\\b(?:but|and|so|though|just|only|still|also)\\s+)(?:\\W*)wish(?:ed)?"
            + "\\s+(?:there|it|you|they|i|we|the|this|that|for|to|he|she|someone|somebody"
            + "|people|they'd|you'd|it'd|he|the|\\w+ (?:would|could|had|was|were|did|has))\\b",
        wishVeto));
    r.add(noFixVeto("wish.list", CueKind.WISH,
        "\\bwish\\s*-?\\s*list\\b|\\bmy (?:only |one |biggest |main |big |one and only |top )?"
            + "wish(?:es)?\\b|\\bwishing (?:for|there|it|you|they)\\b", null));
    r.add(rule("hope.for", CueKind.WISH,
        "(?:\\b(?:i|we)(?:'m| am|'re| are)?\\s+|^\\W*|[,;:]\\s*|\\b(?:but|and|so|just|really"
            + "|still)\\s+)" + ADV + "(?:hope|hoping)\\s+(?:that\\s+)?"
            + "(?:you|they|the devs?|the developers?|the team|the makers|the creators|there(?:'ll"
            + "| will| would)|to see|for|in (?:the )?(?:next|future|a future)|it (?:will|would|'ll)"
            + "\\s+(?:soon |eventually |one day |someday )?(?:have|get|support|include|allow|be"
            + " available|come|offer)|some ?day|one day|soon|future (?:updates?|versions?"
            + "|releases?))",
        "hop(?:e|ing) (?:you|they) (?:\\w+ )?(?:enjoy|like|love|have|had|are|were|get well|see"
            + " this|read|understand|know|don't mind)|hope (?:this|it|that) helps"
            + "|hop(?:e|ing) (?:you|they) (?:will )?(?:fix|sort|solve)"));
    r.add(rule("hope.adverb", CueKind.WISH,
        "\\bhopefully\\s+(?:\\w+\\s+){0,2}(?:will|would|could|can|'ll|soon|one day|some ?day"
            + "|in (?:the )?(?:next|future|a future)|future|there|they|you|we)\\b",
        "hopefully (?:\\w+ ){0,3}(?:fix|fixed|sort|solve|resolve|this helps|it helps)"));

    r.add(weighted("hope.looking-forward", CueKind.WISH, 0.6,
        "\\b(?:looking forward to|look forward to|can't wait (?:for|until|till|to see))\\s+"
            + "(?:(?:the|a|an|some|more|any|future|further|new|next|seeing|having|when|them|they"
            + "|you|the devs?|it)\\s+)*(?:[\\w-]+\\s+)?(?:(?:to )?(?:add|adding|have|having|get"
            + "|getting|bring"
            + "|support\\w*|release|make|include|including|see|seeing|come out|be available)"
            + "|more|updates|versions?|releases?|features?|improvements?|additions?|version)\\b",
        "(?:looking forward to|can't wait (?:for|to see)) (?:\\w+ )?(?:fix\\w*|using|playing"
            + "|reading|the weekend|my|our)"));
    // --- would be nice -------------------------------------------------------------------------
    r.add(rule("nice.if", CueKind.WOULD_BE_NICE,
        "(?:\\b(?:would|will|could|might)|'d)\\s+" + ADV + "(?:also\\s+)?(?:be|have been)\\s+"
            + "(?:(?:a lot|a bit|a little|much|even|so|really|very|super|extremely|quite|more"
            + "|incredibly|infinitely|way|far|especially|most|totally)\\s+)*" + NICE
            + "(?=\\s*(?:[.!]*\\s*$|,?\\s*(?:if|to|when|whenever|once|having|being|that|where"
            + "|too|also|though|as well|for (?:you|them|the (?:app|devs?|developers?)|it"
            + "|the \\w+) to|in (?:the )?(?:next|future|app)|feature)\\b))"));
    r.add(rule("nice.addition", CueKind.WOULD_BE_NICE,
        "\\b(?:would|will|could|might|'d)\\s+" + ADV + "(?:be|make)\\s+(?:an?|one)\\s+"
            + "(?:(?:\\w+|much|very|really|\\w+ly)\\s+){0,2}(?:addition|feature|improvement"
            + "|option|idea|touch|plus|bonus|upgrade|enhancement|extra|add-?on)\\b",
        "(?:this|it) (?:would|will) (?:be|make) (?:an?|one) (?:\\w+ )?(?:great|nice|good) "
            + "(?:addition|idea) (?:to|for) (?:your|any|my|the) (?:phone|home|collection"
            + "|library|device)"));
    r.add(rule("nice.help", CueKind.WOULD_BE_NICE,
        "\\b(?:(?:it|that|this|which) (?:would|will|'d|could|might) " + ADV
            + "help (?:(?:a lot|so much|greatly|tremendously|immensely|enormously)\\s+)?"
            + "(?:if|to|when|a lot)|would be (?:helpful|useful|nice|great) (?:if|to))\\b"));
    r.add(rule("nice.make", CueKind.WOULD_BE_NICE,
        "\\bwould\\s+" + ADV + "make\\s+(?:it|this|the app|the game|things|life|my life"
            + "|everything|the experience|this app)\\s+(?:\\w+\\s+){0,2}(?:perfect|better"
            + "|easier|complete|great|awesome|excellent|amazing|ideal|so much|a lot|5|five"
            + "|even better|more (?:\\w+))\\b"));

    // --- would like / love / appreciate --------------------------------------------------------
    String likeVeto =
        "(?:love|like|appreciate|prefer|want|enjoy)\\s+(?:it\\s+)?(?:to\\s+)?(?:thank|say|know"
            + "|ask|mention|point|recommend|report|share|tell|give|rate|hear|understand|learn"
            + "|find out|see why|congratulate|express|commend|compliment|note|let|leave|praise"
            + "|be able to give|take this|give|have (?:my|a) (?:refund|money)|get (?:my|a) "
            + "(?:refund|money)|a refund|my money|an explanation|an answer|to uninstall"
            + "|uninstall|delete)";
    r.add(rule("like.subject", CueKind.WOULD_LIKE,
        "(?:\\b(?:i|we)(?:'d|\\s+(?:really\\s+|also\\s+|just\\s+|still\\s+|definitely\\s+"
            + "|personally\\s+)?would)|(?:^|[,;:(]|\\b(?:and|but|also|so|really|just|though"
            + "|still|definitely|personally|i|we))\\s*would)\\s+" + ADV
            + "(?:love|like|appreciate|prefer|want|enjoy|welcome|kill for|die for|pay(?: extra)?"
            + " for|be happy|be glad|be willing to pay)\\b",
        likeVeto));
    r.add(rule("want.capability", CueKind.WOULD_LIKE,
        "(?<!\\bthat )(?<!\\bwhen )(?<!\\bwhat )(?<!\\bwhenever )(?<!\\bif )(?<!\\bwhich )"
            + "\\b(?:i|we)\\s+" + ADV + "(?:(?:want|would want)\\s+(?:some\\s+\\w+|)"
            + "|(?:need|require|expect)\\s+)(?:to\\s+be"
            + "\\s+able\\s+to|the\\s+(?:option|ability|possibility|choice|feature|freedom)"
            + "|an?\\s+(?:\\w+\\s+)?(?:option|way|feature|setting|button|function|mode|version"
            + "|tab|toggle|widget|app for|tool|filter|shortcut|alert|notification)"
            + "|(?:more|better)\\s+\\w+|(?:it|this|the app|them|you)\\s+to\\s+(?:have|support|show"
            + "|allow|let|be able"
            + "|include|remember|sync|work with|integrate))\\b",
        "(?:want|need)\\s+(?:a\\s+)?(?:refund|my money|money back)|more (?:time|money"
            + "|space on my|memory on my)"));

    // --- suggestions ---------------------------------------------------------------------------
    r.add(rule("suggest.verb", CueKind.SUGGESTION,
        "\\b(?:i|we)(?:'d|\\s+would|\\s+do|\\s+strongly|\\s+humbly)?\\s+" + ADV
            + "(?:like\\s+to\\s+)?(?:suggest|propose|request|recommend\\s+(?:adding|that (?:you"
            + "|they|the)|you (?:add|make|include|allow|consider)|to (?:add|include|the dev)"
            + "|an? (?:option|feature|setting|way)))\\b",
        "suggest (?:this|it|the app|you (?:download|get|try|buy|use)|(?:to )?(?:everyone"
            + "|anyone|people|others|all))"));
    r.add(noFixVeto("suggest.noun", CueKind.SUGGESTION,
        "\\b(?:suggestions?|recommendations?|proposals?|feature requests?|requests?|wishes"
            + "|improvements?|enhancements?|tip|idea|feedback)\\s*(?:[:\\-]|would be|is to"
            + "|for (?:the )?(?:devs?|developers?|improvements?|next|future|the next)|to (?:the )?"
            + "(?:devs?|developers?))|\\bfeature requests?\\b",
        "(?:improvements?|enhancements?) (?:is|are) (?:great|good|nice|awesome|welcome"
            + "|appreciated)"));
    r.add(noFixVeto("suggest.only-thing", CueKind.SUGGESTION,
        "\\b(?:my|one|the only|only|small|minor|another|couple of|few|one more|last|one"
            + " little|one small|the one|biggest|main)\\s+(?:\\w+\\s+)?(?:(?:suggestions?|requests?"
            + "|recommendations?|improvements?|wish)(?:\\s*[:\\-]|\\s+(?:is|are|would be|i have"
            + "|i'd have|for|to)\\b)|thing (?:(?:i'd|i would|that would|that could) (?:like|love"
            + "|change|add|ask"
            + "|suggest|improve|want|wish|request|need|make|be)|i'd like to|i would like to"
            + "|i want(?: to)?|i wish|it needs|it lacks|that needs|needed|missing"
            + "|lacking|i would change|i'd change|i'd add|i would add|i'd ask|i would ask"
            + "|i'd suggest|i would suggest|i'd improve|i would improve|to improve|to add|i can"
            + " request|i'd request)\\b|(?:thing|things) (?:is|are) (?:missing|lacking)\\b"
            + "|(?:complaint|gripe|negative|downside|con|drawback|issue|problem) (?:is|would be)"
            + " (?:that )?(?:being able|not being able|the lack|the inability|no |there is no"
            + "|there's no|it doesn't have|you can't|i can't|we can't|it can't|you cannot"
            + "|i cannot|not having|having to|the absence))",
        null));
    r.add(weighted("missing.except", CueKind.MISSING, 0.6,
        "\\b(?:everything|all|anything|great|perfect|good|nice|love it|fine|complaints?"
            + "|gripes?|problems?|issues?)\\s+(?:\\w+\\s+)?"
            + "(?:except|but|apart from|other than)\\s+(?:for\\s+)?(?:allowing|letting|the ability"
            + "|being able|adding|having|a way|an option|the option|the possibility|support"
            + "|it doesn't|it does not|it can't|it cannot|it lacks|the lack|no\\s)",
        null));
    r.add(rule("suggest.how-about", CueKind.SUGGESTION,
        "\\b(?:how|what) about (?:adding|having|making|an?|some|more|the option|the ability"
            + "|allowing|letting|integrat\\w+|support(?:ing)?|including|offering|bringing|giving"
            + "|creating|putting|a feature)\\b"));
    r.add(rule("suggest.maybe", CueKind.SUGGESTION,
        "\\b(?:maybe|perhaps|possibly|ideally)\\s+(?:you|they|the devs?|developers?|we|the app"
            + "|it|there)\\s+(?:guys\\s+)?(?:could|can|should|might|will|would|need)\\b"
            + "|\\b(?:maybe|perhaps|ideally)\\s+(?:add|adding|an? (?:\\w+ )?(?:option|feature"
            + "|setting|way|button|mode|version)|include|make|allow|let|have|give|implement"
            + "|consider|integrate|offer|more|some (?:kind|sort|type) of|a way"
            + "|if (?:it|you|they|there)\\s+(?:could|would|had|added|allowed|included|offered"
            + "|were|was))\\b",
        "(?:maybe|perhaps) (?:you|they|it|we) (?:could|can|will|might|should) (?:have|try|be"
            + " able to help|fix|sort)|maybe it (?:will|would|could|can|might) (?:work|be)"));
    r.add(rule("suggest.consider", CueKind.SUGGESTION,
        "\\b(?:please\\s+)?consider (?:adding|making|including|allowing|letting|implementing"
            + "|an?|some|the option|offering|bringing|integrat\\w+|support\\w*|creating"
            + "|changing|removing|giving|putting|having)\\b"));

    // --- polite asks ---------------------------------------------------------------------------
    r.add(rule("ask.modal", CueKind.POLITE_ASK,
        "\\b(?:can|could|will|would|won't|can't|couldn't)\\s+(?:you|they|we|the (?:devs?"
            + "|developers?|team|makers|creators|designers)|someone|somebody|\\w+ (?:team|devs?))"
            + "\\s+(?:guys\\s+|all\\s+|people\\s+)?(?:(?:please|pretty please|maybe|possibly"
            + "|also|just|at least|perhaps|kindly|ever|not|one day|soon|eventually)\\s+)*"
            + ASK_VERB + "\\b",
        "(?:can|could|will|would) (?:you|they|we) (?:\\w+ )?(?:have|get) (?:a )?(?:refund"
            + "|my money|back to me|a reply|a response|an answer)|(?:can|could) (?:we|you)"
            + " (?:\\w+ )?(?:get|have) (?:it|this|that) (?:working|to work|fixed)"));
    r.add(weighted("ask.possible", CueKind.POLITE_ASK, 0.6,
        "\\b(?:is|are|would) (?:it|there|that) (?:\\w+ )?(?:possible|possibility|chance|plans?"
            + "|way for (?:you|them|the devs?)|way (?:that )?(?:you|they|the devs?|we) (?:can"
            + "|could|will|would))\\s*(?:to|of|for|that)?\\s+(?:\\w+\\s+)?(?:add"
            + "|have|get|make|include|allow|implement|support|integrate|create|bring|put|enable"
            + "|an?|some|more|adding|having|getting|making|including|you|they|the (?:devs?"
            + "|developers?|team))\\b|\\bany (?:chance|plans?|hope|possibility) (?:of|on|for|to"
            + "|that|you|they|the)\\b",
        null));
    r.add(rule("ask.if-you-could", CueKind.POLITE_ASK,
        "\\bif (?:you|they|the (?:devs?|developers?|team)|someone)\\s+(?:guys\\s+)?(?:could"
            + "|would|can|will|were to|are able to)\\s+(?:(?:please|also|just|maybe|possibly"
            + "|somehow|ever)\\s+)*" + ASK_VERB + "\\b"));
    r.add(weighted("ask.plans", CueKind.POLITE_ASK, 0.7,
        "\\b(?:do|does|did) (?:you|they|the (?:devs?|developers?|team)|\\w+) (?:have )?(?:any )?"
            + "plans? (?:to|on|for)\\b|\\bare (?:you|they|the (?:devs?|developers?|team))"
            + " (?:\\w+ )?(?:planning|going|thinking of|thinking about|considering) (?:to )?"
            + "(?:add|adding|make|making|support|supporting|include|including"
            + "|bring|bringing|release|releasing|implement|integrat\\w+|allow|allowing|offer"
            + "|offering|port|porting|create|creating|develop|developing)\\b",
        "plans? (?:to|on) (?:fix|fixing|solve|solving|respond)"));
    r.add(weighted("ask.when", CueKind.POLITE_ASK, 0.8,
        "\\bwhen (?:will|are|is|can|do|would)\\s+(?:you|they|we|it|there|the (?:app|devs?"
            + "|developers?|\\w+ version|\\w+ update|feature|option|\\w+)|\\w+)\\s+(?:guys\\s+)?"
            + "(?:(?:going to|gonna|finally|ever|be able to|able to|please)\\s+)*(?:add|get|have"
            + "|support|release|make|include|bring|implement|allow|enable|come|see|be (?:available"
            + "|able|released|adding|supporting|getting|coming|compatible|out|ready|updated|ported)"
            + "|expect|offer|integrate|port|launch|create|develop|fix|update|give)\\b",
        null));

    // --- imperatives ---------------------------------------------------------------------------
    String imperativeVeto =
        "\\b(?:make sure|let (?:me|us) (?:know|tell|say|explain|be|start|just|help"
            + "|get|give|try|begin|put|point|assure|warn|quote|rephrase|clarify|repeat|guess"
            + "|think|count|describe|go|check|sum|list|share|mention|remind|first|also|correct"
            + "|say|start)"
            + "|give (?:it|this|them) (?:a |an |\\d|one|two|five|5|zero)|give (?:an? |the |us "
            + "|me )?(?:new )?updates?\\b"
            + "|give (?:me|us) (?:my|our|a|the) (?:money|refund|cash|back)|add (?:me|to that)"
            + "|remove (?:it|this|the app|this app|my account)(?: from| and|$|\\W)"
            + "|please (?:\\w+ )?(?:let me know|tell me|help|respond|reply|answer|contact|email"
            + "|advise|explain))";
    r.add(rule("imperative.please", CueKind.IMPERATIVE,
        "\\bplease,?\\s+(?:\\w+\\s+){0,2}?(?:add|include|allow|let|give|bring|make|implement"
            + "|introduce|enable|support|offer|provide|put|create|restore|remove|increase"
            + "|decrease|reduce|improve|integrate|change|consider|expand|extend|return|revert"
            + "|get rid of|stop|do|develop|release|port|have|reinstate|re-?add|unlock"
            + "|lower|raise|design|redesign|separate|optimi[sz]e|upgrade|translate|bring back)\\b",
        imperativeVeto));
    r.add(weighted("imperative.more", CueKind.IMPERATIVE, 0.75,
        "\\bplease\\s+(?:\\w+\\s+)?more\\b|\\bmore\\s+(?:\\w+\\s+){1,2}please\\b"
            + "|\\bneed more\\s+\\w+\\s+please\\b",
        null));
    r.add(rule("imperative.start", CueKind.IMPERATIVE,
        "(?:^\\W*|[,;:(!]\\s*|\\b(?:but|so)\\s+)(?:(?:just|also|maybe|perhaps|simply|so|then"
            + "|but|now|and|please|kindly|devs?|developers?|guys|dear \\w+)[,!:]?\\s+)*"
            + IMPERATIVE_VERB + "\\b",
        imperativeVeto));

    // --- should / there should be ---------------------------------------------------------------
    String shouldVeto =
        "should(?:n't)? " + ADV + "(?:have (?:been|known|read|listened|checked|waited|looked|gone"
            + "|stayed|kept|stuck|bought|paid|got|gotten|downloaded|used|tried|done|thought"
            + "|made|tested|left|spent|asked|said|warned|told|noticed|realized|stopped|fixed"
            + "|seen|heard|gotten))"
            + "|(?:should|must) " + ADV + "(?:\\w+ )?(?:download|get|buy|try|install|use|check out"
            + "|grab|give|have) (?:it|this|the app|this app|one|a copy|them|a try|an? \\w+!)"
            + "|(?:everyone|everybody|anyone|anybody|every \\w+) (?:\\w+ )?(?:should|must)"
            + "|(?:you|u) should " + ADV + "(?:get|have|make) (?:this|it|one)\\b"
            + "|should (?:be )?(?:ashamed|embarrassed|fired|sued)";
    r.add(rule("should.verb", CueKind.SHOULD,
        "\\b(?:there|it|this|you|they|we|users|one|app|game|program|update|version|i|he|she"
            + "|people|devs?|developers?|\\w+)\\s+" + ADV + "(?:should|shd|ought to|must)"
            + "\\s+(?:(?:also|definitely|really|seriously|at least|just|totally|absolutely"
            + "|maybe|probably|still|not only|simply)\\s+)*(?:be able to|be (?:an?|the|some|more"
            + "|optional|possible|available|easier|simpler|able|allowed|separated|changed|brought"
            + "|added|included|integrated|offered|made|given|put|customi[sz]able|adjustable"
            + "|editable|improved|expanded|updated to|an option|selectable|visible|shown"
            + "|displayed|sortable|searchable|free|removed|optional|default|enabled|disabled"
            + "|restored|returned|back)|have (?:an?|the|some|more|options?|features?|support"
            + "|the ability|multiple|better|\\w+ (?:mode|option|feature|support|button|setting"
            + "|version|function)|a way)|add|include|allow|let|make|support|offer|give"
            + "|bring|consider|provide|implement|introduce|enable|put|create|show|display"
            + "|come with|work with|integrate|sync|remember|notify|alert|tell|default|stop"
            + "|go back|return|revert|get|develop|release|hire|listen|look into|think about"
            + "|separate|sort|group|update|change|allow|remove|focus|invest|let|give)\\b",
        shouldVeto));
    r.add(weighted("should.there-be", CueKind.SHOULD, 0.85,
        "\\bthere\\s+(?:really\\s+|definitely\\s+|also\\s+|just\\s+)?(?:should|needs? to|has to"
            + "|must|ought to)\\s+(?:really\\s+|definitely\\s+|also\\s+|at least\\s+)?be\\b",
        "there (?:should|needs to|has to|must) be (?:a|an|some) (?:fix|update that fixes"
            + "|solution to (?:this|the) (?:problem|bug)|reason)"));

    // --- needs ---------------------------------------------------------------------------------
    r.add(rule("need.subject", CueKind.NEED,
        "(?!(?:who|everyone|everybody|one|anyone|anybody|i|you|he|she|nobody|noone"
            + "|no one)\\s)(?<!\\bi )(?<!\\byou )(?<!\\bno )(?<!\\bwho )(?<!\\beveryone )"
            + "(?<!\\beverybody )"
            + "(?<!\\bone )(?<!\\banyone )(?<!n't )(?<!not )(?<!\\bi just )(?<!\\bi really )"
            + "(?<!\\bi also )(?<!\\bi still )"
            + "\\b(?:it|this|app|the app|this app|game|program|software|update|version|it "
            + "(?:really|seriously|desperately|definitely|still|badly|just|also)|[a-z]+)\\s+"
            + "(?:(?:really|desperately|seriously|definitely|still|badly|just|also|only"
            + "|severely|sorely|kinda|kind of)\\s+)*(?:needs|requires|could use|could do with"
            + "|is in need of|is crying out for)(?=\\s+(?:(?:a|an|the|some|more|better|support"
            + "|(?:two|three|four|\\d|a few|few|several|some|one|a couple of|couple of) (?:more )?"
            + "(?:things|features|improvements|changes|options|additions|tweaks|fixes)"
            + "|to (?:really |seriously |also )?(?:have|add|support|include|allow|let|be able|offer"
            + "|make|bring|give (?:us|users|the|an?)|get|show|improve|work on|be (?:more|less"
            + "|easier"
            + "|simpler|faster|updated to|improved|changed|redesigned|revamped)|change|update"
            + "|implement|integrate|provide|put|create|remember|sync|expand|come with)"
            + "|improvement|improvements|improving|updating|work|options?|features?|abilities"
            + "|ability|possibility|serious|major|lot|bit|little|way|\\w+ (?:mode|option|feature"
            + "|support|button|setting))\\b))",
        "needs? (?:to be |to get |to |a |an |some |serious |major )?(?:fixed|fixing|fix"
            + "|updated to fix|restart|reinstall|patch|bug fix|repair)"
            + "|(?:phone|device|tablet|it) (?:needs|requires) (?:to be )?(?:restart|reboot"
            + "|reinstall|root|charg)|requires? (?:a |an )?(?:internet|wifi|connection|account"
            + "|login|android|ios|permission|access)"));
    r.add(rule("need.bare", CueKind.NEED,
        "^\\W*(?:(?:really|desperately|seriously|definitely|badly|just|still|also|it|this app"
            + "|app|game)\\s+)*(?:needs?|requires?|could use)\\s+(?=(?:an?|the|some|more|better"
            + "|support|options?|features?|to (?:have|add|support|include|allow|let|be able"
            + "|offer|show|improve|be (?:more|less|easier|simpler|faster)))\\b)",
        "needs? (?:to be |a |an |some )?(?:fix|fixed|fixing|patch|bug|restart|reinstall"
            + "|update)"));
    r.add(rule("need.we", CueKind.NEED,
        "(?<!\\bwhen )(?<!\\bif )(?<!\\bwhatever )(?<!\\bwhat )\\b(?:we|users|customers"
            + "|a lot of us|many of us|some of us|many users)\\s+" + ADV + "(?:need|want"
            + "|would need|require|deserve|are asking for|are waiting for|have been asking for)"
            + "\\s+(?:an?|the|some|more|better|to (?:be able|get|have|see)|it|this|that|them"
            + "|\\w+ (?:mode|option"
            + "|feature|support|button|setting|version|function))\\b",
        "(?:need|want) (?:to )?(?:restart|reinstall|uninstall|close|delete|refund|my money"
            + "|our money)"));
    r.add(rule("need.they", CueKind.NEED,
        "(?:\\b(?:they|you|devs?|developers?|the (?:team|devs?|developers?|makers|creators)"
            + "|\\w+ team)\\s+" + ADV + "|(?:^\\W*|[,;:]\\s*|\\b(?:also|just|really|seriously"
            + "|but|and|so|definitely|desperately)\\s+))(?<!\\bi\\s)(?<!\\bi just\\s)"
            + "(?<!\\bi really\\s)(?<!\\bi also\\s)(?:need|have|has|got) to\\s+"
            + "(?:(?:really|seriously|also|definitely|at least|just)\\s+)*" + ASK_VERB + "\\b",
        "(?:need|have|has|got) to (?:\\w+ )?(?:have (?:an?|the) (?:account|subscription"
            + "|internet|connection|wifi|premium)|have it|get (?:the|a|it|this|an)"
            + "|make (?:an?|sure)|turn (?:on|off)|update (?:to|your|the app|it)|stop (?:and|using)"
            + "|get used)"));
    r.add(rule("need.in-need", CueKind.NEED,
        "\\bin (?:desperate |dire |serious |real |great )?need of\\b|\\bneeds? (?:an? )?"
            + "(?:improvement|improving|work|more work|overhaul|revamp\\w*)\\b"
            + "|\\bneeds? to be (?:improved|revamped|updated to|more|less|easier|simpler|faster"
            + "|changed|redesigned|made|added|included|expanded|bigger|smaller|customi[sz]able"
            + "|able to|managed better|organi[sz]ed)",
        null));

    // --- something missing -----------------------------------------------------------------------
    String lostData =
        "\\b(?:my|our|all|the|all my|all of my|some of my|some|most of my)\\s+(?:\\w+\\s+)?"
            + "(?:files?|photos?|pictures?|pics|data|notes?|contacts?|messages?|pins?|boards?"
            + "|progress|coins|gems|money|items?|documents?|docs|songs?|videos?|emails?|history"
            + "|saves?|levels?|accounts?|purchases?|points|stuff|recipes|texts?|content|apps?"
            + "|friends|followers|lists?)\\s+(?:are|is|went|were|have gone|has gone|was|been"
            + "|are still|keep going|seem to be)\\s+(?:\\w+\\s+)?missing|missing (?:my|our|all"
            + "|pictures|photos|files|data|notes|coins|progress)|missing (?:out|the point)";
    r.add(rule("missing.word", CueKind.MISSING,
        "\\b(?:is|are|'s|'re|was|were|still|feature|features|thing|things|option|options"
            + "|function|functionality|only|you're|you are|it's|it is|app is|sorely|really)"
            + "\\s+(?:\\w+\\s+)?missing\\b|\\bmissing\\s+(?:an?|the|some|any|features?"
            + "|options?|functions?|functionality|support|abilities|ability|capability|one"
            + "|\\w+ (?:feature|option|function|support|button|setting|mode|capability))\\b",
        lostData));
    r.add(rule("missing.lack", CueKind.MISSING,
        "\\b(?:lacks?|lacking|lack of)\\b",
        "lack(?:s|ing| of)? (?:\\w+ )?(?:response|reply|communication|customer service"
            + "|customer support|support from|updates from|effort|quality|respect|stability)"));
    r.add(rule("missing.no-way", CueKind.MISSING,
        "\\b(?:there(?:'s| is| are| was| were)|has|have|had|with|offers|gives you)\\s+(?:no"
            + "|not any|not an?|never been an?)\\s+(?:\\w+\\s+){0,2}(?:option|way|setting"
            + "|ability|feature|button|function|functionality|possibility|mode|choice"
            + "|shortcut|widget|toggle|tab|sync\\w*|backup|undo|preview|landscape|support for"
            + "|integration)s?\\b|\\bno (?:\\w+ )?(?:option|way|setting|ability|feature|button"
            + "|function|possibility|choice|means) (?:to|for|of)\\b",
        "no way (?:to (?:contact|reach|get (?:in )?touch|get help|get support|get a refund)"
            + "|i'm|i am|i would|i'd|i will|i'll|this is|that|it's|in hell|jose)"));
    r.add(weighted("missing.no-feature", CueKind.MISSING, 0.45,
        "\\bno\\s+(?:\\w+\\s+)?(?:option|setting|feature|function|functionality|mode|button"
            + "|widget|support for|ability|possibility|landscape|portrait|search|sorting|filters?"
            + "|undo|sync\\w*|backup|integration|dark mode|night mode|offline)s?\\b"
            + "(?!\\s+(?:at all\\s+)?(?:problems?|issues?|bugs?|crash\\w*|needed|required))",
        "no (?:more )?(?:problems?|issues?|complaints?|bugs?|crash\\w*|ads)"));
    r.add(weighted("missing.doesnt-have", CueKind.MISSING, 0.3,
        "\\b(?:doesn't|does not|don't|do not|didn't|did not|won't|will not|can't|cannot"
            + "|isn't|is not|still not)\\s+(?:even\\s+|yet\\s+|currently\\s+)?(?:have|offer"
            + "|support|include|provide|come with|give (?:you )?(?:an?|the) option|allow you"
            + "|let you|integrate|sync|available|compatible|supported)\\b",
        "(?:don't|do not|doesn't|does not|didn't|did not) have (?:to|any (?:problems?"
            + "|issues?|complaints?)|a problem|an issue|time)|(?:doesn't|don't|didn't) (?:have"
            + "|offer) (?:any )?ads"));

    r.add(weighted("missing.cant", CueKind.MISSING, 0.5,
        "\\b(?:annoy\\w*|frustrat\\w*|disappoint\\w*|(?:a|such a|what a|real|big) (?:shame"
            + "|pity|bummer|drag|pain)|too bad|unfortunate\\w*|sad|inconvenien\\w*|bother\\w*"
            + "|hate|drawback|downside|dislike|only complaint|only gripe|only problem"
            + "|only issue|only con|only negative)\\s+(?:\\w+\\s+){0,2}?(?:is\\s+)?(?:that\\s+)?"
            + "(?:you|i|we|users|one|it|the app|this app|there|they)\\s+(?:still\\s+|just\\s+"
            + "|simply\\s+)?(?:can't|cannot|can not|couldn't|don't|doesn't|won't|isn't|aren't"
            + "|is no|are no|has no|have no|have to|must|are unable|is unable|are not able"
            + "|no longer)\\b|\\b(?:not being able to|the inability to|inability to|unable to)"
            + "\\s+\\w+(?:\\s+\\w+){0,6}\\s+(?:is|was|are|makes)\\s+(?:\\w+\\s+)?(?:annoying"
            + "|frustrating|a pain|a drag|a shame|disappointing|inconvenient|a drawback|a bummer"
            + "|a problem|an issue|irritating|a letdown|my only|the only|a deal ?breaker)",
        null));
    r.add(weighted("missing.make-perfect", CueKind.CONDITIONAL, 0.6,
        "\\b(?:to make (?:it|this|this app|the app) (?:\\w+ )?(?:perfect|complete|better|great"
            + "|5 stars?|five stars?|even better|ideal)|for (?:it|this app|this) to be (?:\\w+ )?"
            + "(?:perfect|complete|5 stars?|five stars?|ideal)|to be (?:perfect|complete|ideal)"
            + ",? (?:it|this app|the app) (?:needs|should|must|lacks))\\b",
        null));
    // --- conditions for a better rating ---------------------------------------------------------
    r.add(rule("condition.if-it-had", CueKind.CONDITIONAL,
        "\\b(?:would|'d|will|'ll|could)\\s+(?:\\w+\\s+){0,7}?(?:if|once|when)\\s+(?:only\\s+)?"
            + "(?:it|you|they|the app|this app|this|there|i|we|the devs?|developers?|\\w+)\\s+"
            + "(?:just\\s+|also\\s+|only\\s+|actually\\s+)?(?:could|would|had|has|have|allowed"
            + "|allows|supported|supports|added|adds|offered|included|includes|let|lets|were"
            + "|was able|gave|provided|came with|integrated|got|get|make|made|can|will|added"
            + "|synced|showed|displayed|worked with|put|brought|create|created|bring)\\b"));
    r.add(rule("condition.if-only", CueKind.CONDITIONAL,
        "\\bif only\\b|\\b(?:5|five|\\d|more|another|extra|full|all)\\s*(?:stars?|\\*)\\s+"
            + "(?:\\w+\\s+)?(?:if|when|once|after|as soon as|for|until|till|unless)\\b"
            + "|\\bonly (?:reason|thing)"
            + " (?:i|it|this) (?:didn't|don't|did not|won't|couldn't|can't) (?:give|get|rate)"));

    // --- why not / where is ---------------------------------------------------------------------
    r.add(rule("why.cant", CueKind.WHY_NOT,
        "\\bwhy\\s+(?:on earth\\s+|the hell\\s+|oh why\\s+)?(?:can't|cannot|can not|couldn't"
            + "|isn't there|is there no|aren't there|are there no|doesn't (?:it|this|the app"
            + "|\\w+)|don't (?:you|they)|no|not|won't (?:you|they|it)|isn't (?:it|this|there)"
            + "|wouldn't|hasn't|haven't|do (?:i|we) have to|must (?:i|we)|did (?:you|they)"
            + " (?:remove|take|get rid|drop|eliminate)|(?:was|were|is|has) (?:this|it|the"
            + " \\w+|that|\\w+) (?:\\w+ )?(?:removed|taken|changed|dropped|eliminated|gone"
            + "|disabled))\\b"));
    r.add(weighted("why.where", CueKind.WHY_NOT, 0.45,
        "\\bwhere(?:'s| is| are| has| have)\\s+(?!my\\b|our\\b|all my\\b)(?:the\\s+|an?\\s+)?"
            + "[\\w-]+(?:\\s+[\\w-]+){0,2}(?:\\s+(?:gone|go|went))?\\s*\\?",
        null));

    // --- revert ---------------------------------------------------------------------------------
    r.add(rule("revert.back", CueKind.REVERT,
        "\\bbring (?:\\w+\\s+){0,4}back\\b|\\b(?:change|put|switch|set|turn|go|get|roll)"
            + " (?:it|them|this|that|things|everything|the \\w+|\\w+) back\\b|\\b(?:go|going"
            + "|roll|switch) back to (?:the )?(?:old|previous|original|classic|former|older"
            + "|last|earlier)\\b|\\brevert\\b|\\b(?:need|want|miss)\\s+(?:it|them|these|those|this"
            + "|that|the \\w+"
            + "|the old \\w+|my old \\w+)\\s+back\\b|\\bundo (?:the|this|these|that) (?:update"
            + "|change"
            + "|changes|redesign)\\b|\\b(?:i|we)\\s+" + ADV + "miss (?:the|being able|having"
            + "|my old|the old|a|an|when|how)\\b|\\b(?:old|previous|original|classic|former)"
            + " (?:version|layout|design|interface|ui|format|look|way|style|icon|app) (?:was"
            + " (?:better|much better|way better)|back)\\b",
        "(?:had to|have to|i) (?:go|switch|roll) back|(?:switched|went|rolled) back"
            + "|how (?:do|can|could|would) (?:i|we|you) (?:get|bring)"
            + "|(?:why )?(?:did|would|do) you (?:revert|undo|roll back|pull back|change)"
            + "|(?:get|got|was|were|been) (?:pulled|sent|put|taken) back"
            + "|(?:go|going) back to (?:the )?(?:old|previous) (?:\\w+ )?(?:that works"
            + "|which works|that worked)"));

    // --- weak cues -----------------------------------------------------------------------------
    r.add(noFixVeto("capability.noun", CueKind.CAPABILITY,
        "\\b(?:an? |the |some |more )?(?:options?|ability|capability|possibility|choice"
            + "|setting|toggle|button|feature|function(?:ality)?|support)\\s+(?:to|for|that"
            + "|where|which|of|allowing|enabling|letting)\\b|\\ba way to\\b"
            + "|\\b(?:dark|night|landscape|offline|portrait|full ?screen|split ?screen|private"
            + "|incognito|edit|editing|multiplayer|tablet|ipad|android|desktop|web|kids?|pro)"
            + "\\s+(?:mode|version|view|support|theme)\\b|\\b(?:widgets?|integration|integrate"
            + "|sync(?:ing|hroni[sz]ation)?\\s+with|compatib\\w+ with|multi-?(?:account|user"
            + "|select|window|tasking|language|player))\\b",
        "(?:love|like|great|nice|good|awesome|enjoy|appreciate|thanks for|thank you for"
            + "|excellent|best|useful|handy|favorite|favourite|cool)\\s+(?:\\w+\\s+){0,3}"
            + "(?:options?|ability|feature|function|support|mode|widget|integration)"));
    r.add(noFixVeto("capability.more", CueKind.CAPABILITY,
        "\\bmore\\s+(?:\\w+\\s+)?(?:options?|features?|themes?|colou?rs?|levels?|filters?"
            + "|frames?|backgrounds?|fonts?|languages?|customi[sz]ation|control|stickers?"
            + "|emojis?|characters?|maps?|songs?|modes?|settings?|tools?|categories|boards?"
            + "|sizes?|templates?|effects?|choices?|variety|functions?|functionality|formats?"
            + "|shortcuts?|widgets?|skins?|avatars?|icons?|layouts?|styles?|sounds?|ringtones?"
            + "|wallpapers?|puzzles?|stages?|worlds?|quests?|weapons?|cars?|tracks?|recipes?)\\b",
        "(?:has|have|with|offers|gives|got|there are|comes with|includes)\\s+(?:\\w+\\s+)?more"
            + "|more (?:\\w+ )?(?:than|and more)"));
    r.add(rule("please.bare", CueKind.PLEASE,
        "\\bplease\\b",
        "please(?:,)?\\s+(?:\\w+\\s+)?(?:help|respond|reply|answer|contact|email|let me know"
            + "|tell me|read|check|look into|advise|explain|try|download|rate|note|keep up"
            + "|do not|don't|stop (?:crash|freez)|hurry|asap|thanks?|thank|someone|anyone"
            + "|somebody|send|refund|give (?:me|us) (?:my|our|a|the) (?:money|refund))"
));
    List<Rule> anchored = new ArrayList<>(r.size());
    for (Rule x : r) {
      List<String> a = ANCHORS.getOrDefault(x.id(), List.of());
      anchored.add(new Rule(x.id(), x.kind(), x.weight(), x.pattern(), x.veto(), x.fixVeto(), a));
    }
    return List.copyOf(anchored);
  }

  // Cheap pre-filters: a rule's regex only runs when one of these occurs in the sentence. Each
  // list must cover every way the rule can match (RequestRulesTest checks the rules against
  // their examples with and without anchors).
  private static final String[] MODALS = {"would", "will", "could", "might", "'d", "'ll"};
  static final Map<String, List<String>> ANCHORS =
      Map.ofEntries(
          Map.entry("wish.subject", List.of("wish")),
          Map.entry("wish.bare", List.of("wish")),
          Map.entry("wish.list", List.of("wish")),
          Map.entry("hope.for", List.of("hop")),
          Map.entry("hope.adverb", List.of("hopefully")),
          Map.entry("hope.looking-forward", List.of("forward", "wait")),
          Map.entry("nice.if", List.of(MODALS)),
          Map.entry("nice.addition", List.of(MODALS)),
          Map.entry("nice.help", List.of("help", "useful", "nice", "great")),
          Map.entry("nice.make", List.of("make")),
          Map.entry("like.subject", List.of("would", "'d")),
          Map.entry("want.capability", List.of("want", "need", "require", "expect")),
          Map.entry("suggest.verb", List.of("suggest", "propos", "request", "recommend")),
          Map.entry(
              "suggest.noun",
              List.of(
                  "suggest", "recommend", "proposal", "request", "wish", "improvement",
                  "enhancement", "tip", "idea", "feedback")),
          Map.entry(
              "suggest.only-thing",
              List.of(
                  "suggest", "request", "recommend", "improvement", "wish", "thing",
                  "complaint", "gripe", "negative", "downside", "con", "drawback", "issue",
                  "problem")),
          Map.entry("missing.except", List.of("except", "but", "apart", "other than")),
          Map.entry("suggest.how-about", List.of("about")),
          Map.entry("suggest.maybe", List.of("maybe", "perhaps", "possibly", "ideally")),
          Map.entry("suggest.consider", List.of("consider")),
          Map.entry("ask.modal", List.of("can", "could", "will", "would", "won't")),
          Map.entry("ask.possible", List.of("possib", "chance", "plan", "way", "hope")),
          Map.entry("ask.if-you-could", List.of("if ")),
          Map.entry("ask.plans", List.of("plan", "going", "thinking", "considering")),
          Map.entry("ask.when", List.of("when")),
          Map.entry("imperative.please", List.of("please")),
          Map.entry("imperative.more", List.of("more")),
          Map.entry("should.verb", List.of("should", "shd", "ought", "must")),
          Map.entry("should.there-be", List.of("there")),
          Map.entry(
              "need.subject",
              List.of("need", "require", "could use", "could do with", "crying out")),
          Map.entry(
              "need.we",
              List.of("need", "want", "require", "deserve", "asking", "waiting")),
          Map.entry("need.they", List.of(" to ")),
          Map.entry("need.in-need", List.of("need")),
          Map.entry("need.bare", List.of("need", "require", "could use")),
          Map.entry("missing.word", List.of("missing")),
          Map.entry("missing.lack", List.of("lack")),
          Map.entry("missing.no-way", List.of("no")),
          Map.entry("missing.no-feature", List.of("no")),
          Map.entry("missing.doesnt-have", List.of("n't", "not")),
          Map.entry("missing.make-perfect", List.of("make", "to be")),
          Map.entry("condition.if-it-had", List.of("if", "once", "when")),
          Map.entry("condition.if-only", List.of("if only", "star", "*", "only")),
          Map.entry("why.cant", List.of("why")),
          Map.entry("why.where", List.of("where")),
          Map.entry(
              "revert.back",
              List.of(
                  "back", "revert", "undo", "miss", "old", "previous", "original", "classic",
                  "former")),
          Map.entry("capability.more", List.of("more")),
          Map.entry("please.bare", List.of("please")));

  /** All rules, in a fixed order (declared after the anchors they read). */
  static final List<Rule> RULES = withImplicit(build());

  private static List<Rule> withImplicit(List<Rule> explicit) {
    List<Rule> all = new ArrayList<>(explicit);
    all.addAll(ImplicitRequestRules.rules());
    return List.copyOf(all);
  }

  /**
   * A why-question about what happened to the asker's own money or identity check ("Why hasn't my
   * top-up gone through yet?", "Why can't I see my funds after I topped up?") asks for support.
   */
  static final Pattern SUPPORT_QUESTION =
      p("\\bwhy\\b.*\\b(?:yet|after (?:i|you|it)|still|gone through|go through|been verified|pending"
          + "|verified|declined|(?:my|the) (?:top.?ups?|transfers?|payments?|deposits?|card|money|funds"
          + "|identity|id|verification|refund|withdrawal)\\b.*\\b(?:gone|go|went|arrived|verified|accepted"
          + "|working|showing|processed|through)|(?:give|send|show|upload) (?:you )?(?:my |a )?(?:id|identity"
          + "|passport|driv\\w* licen[cs]e|documents?|selfie))\\b");

  /** Kinds whose cue says only that something is absent: a regression makes them a bug report. */
  private static final java.util.Set<CueKind> REGRESSION_KINDS =
      java.util.EnumSet.of(CueKind.TERSE, CueKind.IMPLICIT, CueKind.MISSING, CueKind.WHY_NOT);

  /** A rule's match and its verdict. */
  record Match(Rule rule, int start, int end, String suppressedBy) {}

  /** Every rule's matches in one normalised sentence, counted and suppressed. */
  static List<Match> match(String sentence) {
    return match(sentence, true);
  }

  /** As {@link #match(String)}; without anchors every regex runs (to test the anchors). */
  static List<Match> match(String sentence, boolean useAnchors) {
    List<Match> out = new ArrayList<>();
    String lower = sentence.toLowerCase(Locale.ROOT);
    for (Rule rule : RULES) {
      if (useAnchors && !rule.mayMatch(lower)) {
        continue;
      }
      Matcher m = rule.pattern().matcher(sentence);
      while (m.find()) {
        int start = m.start();
        int end = Math.max(m.end(), start);
        int scopeEnd = Math.max(end, RequestText.clauseEnd(sentence, end));
        String scope = sentence.substring(start, scopeEnd);
        String suppressedBy = "";
        if (rule.veto().matcher(scope).find() || vetoBefore(rule, sentence, start)) {
          suppressedBy = "veto:" + rule.id();
        } else if (rule.fixVeto()
            && FIX.matcher(scope).find()
            && !NEW_BEHAVIOUR.matcher(scope).find()) {
          suppressedBy = "fix";
        } else if (REGRESSION_KINDS.contains(rule.kind())
            && ImplicitRequestRules.REGRESSION.matcher(sentence).find()) {
          // "Tezos balance is missing since Tuesday": the thing existed and broke.
          suppressedBy = "bug";
        } else if (rule.kind() == CueKind.WHY_NOT && SUPPORT_QUESTION.matcher(sentence).find()) {
          suppressedBy = "support";
        }
        out.add(new Match(rule, start, end, suppressedBy));
        if (m.end() == m.start()) {
          break;
        }
      }
    }
    return out;
  }

  // Vetoes that need what comes before the match, for instance "no way to contact support" is
  // matched by a veto anchored at the match; "I don't need" is handled by look-behinds.
  private static boolean vetoBefore(Rule rule, String sentence, int start) {
    if (rule.kind() == CueKind.MISSING || rule.kind() == CueKind.REVERT) {
      // Lost data ("all my photos are missing") and a user's own step back ("I had to go back
      // to the old version") begin before the cue.
      int from = Math.max(0, start - 60);
      return rule.veto().matcher(sentence.substring(from, RequestText.clauseEnd(sentence, start)))
          .find();
    }
    return false;
  }
}
