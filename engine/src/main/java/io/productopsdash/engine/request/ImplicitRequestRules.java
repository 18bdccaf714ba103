package io.productopsdash.engine.request;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Requests that carry no request verb: terse ones ("Trezor support plz", "csv export", "staking
 * when?"), implicit ones ("no Solana support in 2026??", "without limit orders I still use an
 * exchange", "X is the only thing keeping me on another wallet"), and the regression veto that
 * tells them from bug reports ("Tezos balance is missing since Tuesday" reports a bug; "no Tezos
 * support??" asks). Survey answers to "How can we make it better?" are often just the thing
 * wanted, so a short noun phrase that names no judgment ("great app", "slow swaps") and no state
 * ("is", "crashes") counts as an ask.
 */
final class ImplicitRequestRules {
  private ImplicitRequestRules() {}

  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  // Words that make a short answer a statement, a judgment or a question about use rather than
  // the name of a wanted thing.
  private static final String NOT_IN_TERSE =
      "(?:is|are|was|were|be|been|being|am|'s|'re|has|have|had|do|does|did|done|can|could|would"
          + "|should|will|won't|can't|cannot|don't|doesn't|didn't|isn't|aren't|wasn't|not|never"
          + "|works?|worked|working|crash\\w*|fail\\w*|freez\\w*|froze|stuck|broke\\w*|bug\\w*"
          + "|error\\w*|lag\\w*|slow\\w*|love\\w*|like[sd]?|hate\\w*|thanks?|thank\\w*|fix\\w*"
          + "|good|great|nice|bad|fine|ok|okay|awesome|terrible|horrible|awful|perfect|excellent"
          + "|best|worst|better|worse|fast|faster|expensive|cheap|ugly|beautiful|confusing|easy"
          + "|hard|solid|wonderful|brilliant|amazing|cool|useless|annoying|poor|decent|superb"
          + "|happy|sad|polished|smooth|clean|simple|overall|stars?|recommend\\w*|satisfied"
          + "|i|i'm|i've|me|my|mine|it|it's|its|this|that|these|those|you|your|we|our|they|them"
          + "|their|everything|nothing|anything|all|too|very|so|much|many|why|how|where|what"
          + "|who|which|yes|no|nope|lol|wow|hmm|meh|same|again|still|already|just|ever"
          + "|help|refund|money|problem\\w*|issue\\w*|complaints?|missing|gone|wrong|updated"
          + "|customer|experience|really|seriously|wtf|omg|huh|fun|funny|incredible|accurate|informative"
          + "|must|legit|seems?|addict\\w*|cute|useful|helpful|reliable|works?|lacks?|see|thx|ty"
          + "|\\w*(\\w)\\1\\1\\w*)";
  private static final String TERSE_WORD = "(?!" + NOT_IN_TERSE + "\\b)[\\p{L}\\p{N}][\\p{L}\\p{N}.'&+#/-]*";
  // Words that make a phrase before or after "please" a plea for help or a bug report.
  private static final String PLEASE_WORD =
      "(?!(?:is|are|was|were|has|have|had|do|does|did|can't|cannot|don't|doesn't|didn't|isn't|not"
          + "|never|help|fix\\w*|refund|crash\\w*|fail\\w*|answer|reply|respond|contact|i|i'm|it"
          + "|it's|won't|wont|wouldn't|couldn't|aren't|wasn't|weren't|hasn't|haven't|keeps?|stuck"
          + "|broken|could|would|can|will|should|you|we|they|he|she)\\b)[\\p{L}\\p{N}][\\p{L}\\p{N}.'&+#/-]*";

  /**
   * A regression or lost data: the thing exists but broke. Suppresses the cues of this class and
   * the "missing" cues of {@link RequestRules}.
   */
  static final Pattern REGRESSION =
      Pattern.compile(
          "\\b(?:since (?:yesterday|today|tonight|this (?:morning|week|update)|last (?:night|week"
              + "|month|update|version|\\w+day)|(?:the |an |this |today's |latest |last |recent )?"
              + "(?:update|upgrade|release|change|version|sync error)|(?:mon|tues|wednes|thurs|fri"
              + "|satur|sun)day|then|\\d|a (?:few|couple)|two|three|several)"
              + "|anymore|any more|no longer|disappear\\w*|vanish\\w*|gone missing"
              + "|stopped (?:working|showing|loading|syncing|updating)|after (?:the|an|this|today's"
              + "|last|the last|the latest|a recent) (?:update|upgrade|release|ios update)"
              + "|missing from (?:my|the)|(?:my|our)\\s+(?:\\w+\\s+)?(?:balance|tokens?|coins?"
              + "|funds|money|notes?|transactions?|history|data|files?|photos?|sats|nfts?)\\s+"
              + "(?:is|are|was|were|has|have|isn't|aren't|doesn't|don't))\\b",
          FLAGS);

  private static RequestRules.Rule rule(String id, CueKind kind, double weight, String regex) {
    return new RequestRules.Rule(
        id, kind, weight, Pattern.compile(regex, FLAGS), Pattern.compile("(?!)"), true, List.of());
  }

  private static RequestRules.Rule vetoed(String id, CueKind kind, double weight, String regex, String veto) {
    return new RequestRules.Rule(
        id, kind, weight, Pattern.compile(regex, FLAGS), Pattern.compile(veto, FLAGS), true, List.of());
  }

  private static final String NICE_WORDS =
      "(?:great|nice|useful|handy|awesome|helpful|amazing|perfect|ideal|good|cool|welcome"
          + "|brilliant|fantastic|top|super|practical|lovely|important|very useful|very helpful"
          + "|very handy|a great addition|a nice addition|a plus|great to have|nice to have)";

  /** The rules, appended to {@link RequestRules#RULES}. */
  static List<RequestRules.Rule> rules() {
    String np = TERSE_WORD + "(?:\\s+" + TERSE_WORD + "){0,4}";
    String longNp = PLEASE_WORD + "(?:\\s+" + PLEASE_WORD + "){0,7}";
    String trailer = "(?:\\s+(?:please|asap|soon|when|too|support|integration|feature|option))*";
    return List.of(
        // "Recurring buys please, I want to DCA", "Face ID login and an address book please"
        vetoed("terse.please-phrase", CueKind.TERSE, 0.7,
            "(?:^\\W*" + longNp + "\\s*,?\\s+please\\b|^\\W*please\\s*,?\\s+" + longNp + "\\s*[.!]*\\s*$)",
            "please,?\\s+(?:help|fix|respond|reply|answer|contact|refund|advise|explain|hurry)"),
        // "Please let me show balances in euros", "Please send a push notification when ..."
        vetoed("imperative.let-show", CueKind.IMPERATIVE, 0.8,
            "(?:^\\W*|\\bplease\\s+)(?:let (?:me|us) (?!know|tell|say|explain|start|begin|be\\b|guess|help)(?=\\w)"
                + "|(?=(?:show|hide|display|send|notify|translate)\\s+(?!me how|us how|you\\b|it to)\\w+))"
                + "|\\band\\s+(?:please\\s+)?let (?:me|us) (?!know|tell|say|explain|help)(?=\\w)",
            "send (?:me |us )?(?:my|our|the|a|back) (?:money|refund|funds|coins|reply|response|answer|email)"
                + "|show (?:me )?(?:how|where|why)"),
        // "Night mode would be great for checking prices", "An address book ... would save time"
        vetoed("nice.subject-first", CueKind.WOULD_BE_NICE, 0.8,
            "^\\W*(?!(?:it|that|this|which|what|there|i|you|we|they|he|she)\\b)[\\p{L}\\p{N}-]+(?:\\s+[\\p{L}\\p{N}'@.-]+){0,8}"
                + "\\s+would\\s+(?:really\\s+|also\\s+|definitely\\s+)?(?:be\\s+(?:so\\s+|very\\s+|really\\s+|super\\s+)?"
                + NICE_WORDS + "|save\\b|help\\b|make (?:it|this|my life|things)\\b)",
            "(?:fix|refund|working|worked|crash\\w*|fail\\w*)"),
        // "I want bridging between Polygon and Optimism", "I need a tax report"
        vetoed("want.object", CueKind.WOULD_LIKE, 0.8,
            // "I" or "we" opening a clause: "the info I want" and "everything I need" are not asks.
            "(?:^\\W*|[,;:.!?]\\s*|\\b(?:but|and|so|also|really|just|now|please|honestly|seriously|personally)\\s+)"
                + "(?:i|we)\\s+(?:really\\s+|also\\s+|just\\s+|still\\s+)?(?:want|need)\\s+"
                + "(?!my\\b|a refund|an? answers?|help\\b|support\\b|someone|somebody|more time|it\\b|them\\b|this\\b"
                + "|that\\b)(?:to\\s+(?:be able to|be notified|see|have|get|add|use|set|choose|pick|export|import|track"
                + "|hide|move|bridge|connect|sync|pay|switch|lock|share|print|record|attach|link|sort|filter|search)\\b"
                + "|(?!to\\b)(?=\\w))",
            "(?:want|need) (?:to )?(?:get )?(?:my|our) (?:money|funds|coins)|refund|fix"
                + "|need (?:a |some |the |this |my |an? )?(?:break|rest|holiday|vacation|nap|coffee|job|new phone"
                + "|time|money|sleep|funds|help|info\\w*|solution|answers?|explanation|it (?:now|asap|urgently))"
                + "|\\b(?:now|asap|urgently|immediately)\\b"
                + "|(?:want|need) to (?:use|access|open|see|get|unlock) (?:my|our) "),
        // "it really needs Solana", "The multi-chain feature is great but it needs Lightning"
        rule("need.object", CueKind.NEED, 0.75,
            "\\b(?:it|app|this app|the app|the wallet|this wallet|wallet)\\s+(?:really\\s+|just\\s+|still\\s+|also\\s+)?needs\\s+"
                + "(?!to be|fixing|a fix|an update|work\\b|help\\b)[\\p{L}\\p{N}]+(?:\\s+[\\p{L}\\p{N}]+){0,2}\\s*(?:[.!?,]|$)"),
        // "Missing price alerts, I keep opening the app"
        rule("implicit.missing-first", CueKind.IMPLICIT, 0.7,
            "^\\W*(?:still\\s+|really\\s+)?missing\\s+(?!my\\b|our\\b|all\\b|funds|money|coins|data|notes|files)(?=[\\p{L}\\p{N}])"),
        // "Can I get a Lightning address like name@wallet?"
        vetoed("ask.can-i-get", CueKind.POLITE_ASK, 0.7,
            "\\b(?:can|could|may)\\s+(?:i|we)\\s+(?:please\\s+)?(?:get|have)\\s+(?:an?\\s+|some\\s+|more\\s+|the\\s+)?(?!refund|my\\b|help|an answer|a reply|back)(?=[\\p{L}\\p{N}])",
            "(?:get|have) (?:an? )?(?:refund|my money|help|answer|reply)|(?:get|have) (?:it|them|this|that) back"),
        // "Two things: a bridge between chains and Lightning."
        rule("suggest.things", CueKind.SUGGESTION, 0.85,
            "^\\W*(?:two|three|a few|some|a couple of|couple of|2|3)\\s+(?:things|requests|wishes|ideas|suggestions|features)\\s*(?:please\\s*)?:"),
        // "Trezor Model T support plz", "staking when", "dark mode please!"
        rule("terse.marked", CueKind.TERSE, 0.65,
            "^\\W*(?:please\\s+)?" + np + "(?:\\s+(?:please|asap|soon|when|too))*"
                + "(?:\\s+(?:please|asap|when|support|integration|feature|option))+\\s*[?!.]*\\s*$"),
        // "watch only addresses?", "tags?": a question naming a thing (only as a whole answer)
        rule("terse.question", CueKind.TERSE, 0.6, "^\\W*" + np + trailer + "\\s*\\?+\\s*$"),
        // "csv export", "price alerts": a bare noun phrase of two words or more, weaker (and only
        // as a whole answer)
        rule("terse.noun-phrase", CueKind.TERSE, 0.5,
            "^\\W*" + TERSE_WORD + "(?:\\s+" + TERSE_WORD + "){1,4}" + trailer + "\\s*[!.]*\\s*$"),
        // "no Solana support in 2026??", "still no dark mode? every other wallet has one"
        rule("implicit.still-no", CueKind.IMPLICIT, 0.75,
            "(?:^\\W*|\\bstill\\s+)no\\s+(?!(?:problems?|issues?|complaints?|bugs?|idea|clue|way"
                + "|one|response|reply|answer|luck|thanks|money|refund|help|need|doubt|good|biggie|updates?"
                + "|\\d+)\\b)[\\p{L}\\p{N}.'-]+(?:\\s+[\\p{L}\\p{N}.'-]+){0,3}\\s*(?:support\\s*)?"
                + "(?:(?:in|for|yet|by)\\s+[\\p{L}\\p{N}]+\\s*)?\\?"),
        // "No WalletConnect means I can't use DeFi", "no offline access is a dealbreaker"
        rule("implicit.no-means", CueKind.IMPLICIT, 0.75,
            "^\\W*(?:the lack of|lack of|not having|no)\\s+(?:[\\p{L}\\p{N}.'-]+\\s+){1,4}"
                + "(?:is|means|=|makes)\\s+(?:a\\s+|the\\s+)?(?:deal ?-?breaker|the reason|why|a"
                + " no-go|i (?:can't|cannot|still|have to|keep|need)|it useless|me (?:use|keep"
                + "|switch))"),
        // "without limit orders I still use an exchange"
        rule("implicit.without", CueKind.IMPLICIT, 0.7,
            "\\bwithout\\s+(?:[\\p{L}\\p{N}.'-]+\\s+){1,4}(?:i|we|it|this)\\s+(?:still\\s+|only"
                + "\\s+|just\\s+)?(?:use|need|have to|keep|can't|cannot|won't|will not|am|only"
                + "|stay|must|go)\\b"),
        // "Ledger integration is the only thing keeping me on another wallet", "X is the obvious gap"
        rule("implicit.only-thing", CueKind.IMPLICIT, 0.75,
            "\\bis (?:the|my) (?:only|one|last|main|obvious|big|biggest) (?:thing|gap|reason"
                + "|feature|missing piece) (?:keeping|holding|stopping|preventing|missing"
                + "|that keeps|i miss)\\b|\\bis the (?:obvious|big|biggest|only) gap\\b"),
        // "market swaps only? need limit orders"
        rule("implicit.only-question", CueKind.IMPLICIT, 0.6,
            "^\\W*(?:[\\p{L}\\p{N}.'-]+\\s+){0,3}only\\s*\\?+\\s*(?:need|want|add|where|what"
                + " about)\\b"),
        // "need limit orders", "need a contacts list", "Need separate accounts for business"
        rule("implicit.need-bare", CueKind.NEED, 0.75,
            "(?:^\\W*|[?!.;,]\\s*)(?:really\\s+|just\\s+)?(?:need|want)\\s+(?!(?:help|to know"
                + "|to talk|a refund|my money|an answer|answers?|support)\\b)"
                + "(?:an?\\s+|more\\s+|some\\s+)?(?=[\\p{L}\\p{N}])"));
  }
}
