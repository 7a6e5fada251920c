package dev.guardian.logs.template;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Online log template mining for one service: one pass, one message at a time, bounded memory.
 *
 * <p>A message is tokenised and masked by {@link LogTokenizer}. It then goes to the most specific
 * live template of the same length whose constant tokens it shares; if none exists it becomes a
 * template of its own. Templates generalise in two ways:
 *
 * <ul>
 *   <li><b>Subsumption</b>: a new template with wildcards absorbs the live templates it matches.
 *   <li><b>Diversity</b>: when templates that are equal except at one word position have shown
 *       {@link TemplateMinerConfig#generaliseAfter()} distinct words there, that position becomes a
 *       wildcard and the new template absorbs them. A position needs {@link
 *       TemplateMinerConfig#minContextWords()} other constant words to generalise.
 * </ul>
 *
 * <p><b>Ids</b> are hashes of the template text ({@link LogTemplate#idOf}), so they are stable
 * across replays, restores and evictions. A template merged into another leaves an alias, and
 * {@link #resolve(String)} maps any id ever returned to the template that now holds its lines.
 *
 * <p><b>Memory</b> is capped per service: at most {@link TemplateMinerConfig#maxTemplates()} live
 * templates (the least recently seen is evicted: a template that comes back is learnt again under
 * the same id), {@link TemplateMinerConfig#maxAliases()} aliases and {@link
 * TemplateMinerConfig#maxFamilies()} generalisation candidates (oldest dropped first), and an
 * exact-match cache that is rebuilt after a restore. {@link LogTemplateMinerSerializer} writes the
 * state for Flink keyed state.
 *
 * <p>Not thread-safe: one instance per service key.
 */
public final class LogTemplateMiner {

    private final TemplateMinerConfig config;
    private final LogTokenizer tokenizer;
    private long sequence;

    /** Live templates by id, in creation order. */
    private final LinkedHashMap<String, LogTemplate> templates = new LinkedHashMap<>();

    /** Merged template id to the id that absorbed it, oldest first. */
    private final LinkedHashMap<String, String> aliases = new LinkedHashMap<>();

    /** Template text with one position wildcarded to the distinct words seen there. */
    private final LinkedHashMap<String, List<String>> families =
            new LinkedHashMap<>(16, 0.75f, true);

    private final Map<Integer, List<LogTemplate>> byLength = new HashMap<>();
    private final LinkedHashMap<String, String> cache;

    public LogTemplateMiner(TemplateMinerConfig config) {
        this.config = config;
        this.tokenizer = new LogTokenizer(config.maxTokens());
        int cacheSize = config.cacheSize();
        this.cache =
                new LinkedHashMap<>(16, 0.75f, true) {
                    private static final long serialVersionUID = 1L;

                    @Override
                    protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                        return size() > cacheSize;
                    }
                };
    }

    public static LogTemplateMiner withDefaults() {
        return new LogTemplateMiner(TemplateMinerConfig.defaults());
    }

    /** Rebuilds a miner from its checkpointed parts; see {@link LogTemplateMinerSerializer}. */
    static LogTemplateMiner restore(
            TemplateMinerConfig config,
            long sequence,
            List<LogTemplate> templates,
            Map<String, String> aliases,
            Map<String, List<String>> families) {
        LogTemplateMiner miner = new LogTemplateMiner(config);
        miner.sequence = sequence;
        templates.forEach(miner::add);
        miner.aliases.putAll(aliases);
        miner.families.putAll(families);
        return miner;
    }

    public TemplateMinerConfig config() {
        return config;
    }

    /** Mines one message (the log line's message text, without timestamp or level). */
    public TemplateMatch mine(String message, long timestamp) {
        sequence++;
        MaskedMessage masked = tokenizer.tokenize(message);
        String[] tokens = masked.tokens();
        List<String> merged = new ArrayList<>(0);
        boolean created = false;
        String key = masked.key();
        LogTemplate template = cached(key, tokens);
        if (template == null) {
            template = bestMatch(tokens);
            if (template == null) {
                template = create(masked, merged);
                created = true;
            }
            if (config.cacheSize() > 0) {
                cache.put(key, template.id());
            }
        }
        template.record(timestamp, sequence);
        evictBeyondCap(template);
        List<String> parameters = new ArrayList<>();
        for (int i = 0; i < template.size(); i++) {
            if (template.isWildcard(i)) {
                parameters.add(masked.original(i));
            }
        }
        return new TemplateMatch(
                template.id(),
                template.text(),
                parameters,
                created,
                Collections.unmodifiableList(merged));
    }

    /**
     * The id that now holds the lines of {@code id}: itself while live (or unknown, e.g. evicted),
     * else the template it was merged into.
     */
    public String resolve(String id) {
        String current = id;
        for (int hops = 0; hops < 1_000; hops++) {
            String next = aliases.get(current);
            if (next == null) {
                return current;
            }
            current = next;
        }
        return current;
    }

    public Optional<LogTemplate> template(String id) {
        return Optional.ofNullable(templates.get(resolve(id)));
    }

    /** Live templates, oldest first. */
    public Collection<LogTemplate> templates() {
        return Collections.unmodifiableCollection(templates.values());
    }

    public int size() {
        return templates.size();
    }

    long sequence() {
        return sequence;
    }

    Map<String, String> aliases() {
        return Collections.unmodifiableMap(aliases);
    }

    Map<String, List<String>> families() {
        return Collections.unmodifiableMap(families);
    }

    private LogTemplate cached(String key, String[] tokens) {
        String id = cache.get(key);
        if (id == null) {
            return null;
        }
        LogTemplate template = templates.get(resolve(id));
        return template != null && template.matches(tokens) ? template : null;
    }

    /** The matching template with the most constant positions; ties go to the smaller id. */
    private LogTemplate bestMatch(String[] tokens) {
        List<LogTemplate> candidates = byLength.get(tokens.length);
        if (candidates == null) {
            return null;
        }
        LogTemplate best = null;
        int bestConstants = -1;
        for (LogTemplate candidate : candidates) {
            if (!candidate.matches(tokens)) {
                continue;
            }
            int constants = candidate.constantPositions();
            if (constants > bestConstants
                    || constants == bestConstants && candidate.id().compareTo(best.id()) < 0) {
                best = candidate;
                bestConstants = constants;
            }
        }
        return best;
    }

    private LogTemplate create(MaskedMessage masked, List<String> merged) {
        LogTemplate template = new LogTemplate(masked.tokens(), masked.message(), masked.spacing());
        aliases.remove(template.id());
        add(template);
        if (template.hasWildcard()) {
            absorbMatching(template, merged);
        }
        LogTemplate result = generalise(template, merged);
        // Absorbed at birth: the line's own specific template was never returned to anyone.
        merged.remove(template.id());
        return result;
    }

    /**
     * Records the words of {@code template} in its families and, when one reaches enough distinct
     * words, replaces the template by the generalisation (repeatedly: the generalisation has
     * families of its own).
     */
    private LogTemplate generalise(LogTemplate template, List<String> merged) {
        LogTemplate current = template;
        boolean changed = true;
        while (changed) {
            changed = false;
            if (current.constantWords() - 1 < config.minContextWords()) {
                break;
            }
            String[] tokens = current.tokens();
            for (int p = 0; p < tokens.length && !changed; p++) {
                if (!LogTemplate.isWord(tokens[p])) {
                    continue;
                }
                String familyKey = familyKey(tokens, p);
                List<String> words = families.computeIfAbsent(familyKey, k -> new ArrayList<>(2));
                if (!words.contains(tokens[p])) {
                    words.add(tokens[p]);
                }
                if (words.size() >= config.generaliseAfter()) {
                    families.remove(familyKey);
                    String[] general = tokens.clone();
                    general[p] = MaskedMessage.WILDCARD;
                    LogTemplate generalised = templates.get(LogTemplate.idOf(general));
                    if (generalised == null) {
                        generalised =
                                new LogTemplate(general, current.example(), current.spacing());
                        aliases.remove(generalised.id());
                        add(generalised);
                    }
                    absorbMatching(generalised, merged);
                    current = generalised;
                    changed = true;
                }
            }
            while (families.size() > config.maxFamilies()) {
                families.remove(families.keySet().iterator().next());
            }
        }
        return current;
    }

    private void absorbMatching(LogTemplate general, List<String> merged) {
        List<LogTemplate> sameLength = byLength.get(general.size());
        for (LogTemplate other : new ArrayList<>(sameLength)) {
            if (other != general && general.matches(other.tokens())) {
                general.absorb(other);
                remove(other);
                aliases.put(other.id(), general.id());
                merged.add(other.id());
            }
        }
        while (aliases.size() > config.maxAliases()) {
            aliases.remove(aliases.keySet().iterator().next());
        }
        // A cached key may now have a more specific or a merged template: start afresh.
        cache.clear();
    }

    private void evictBeyondCap(LogTemplate keep) {
        while (templates.size() > config.maxTemplates()) {
            LogTemplate oldest = null;
            for (LogTemplate t : templates.values()) {
                if (t != keep && (oldest == null || t.lastUsed() < oldest.lastUsed())) {
                    oldest = t;
                }
            }
            remove(oldest);
        }
    }

    private void add(LogTemplate template) {
        templates.put(template.id(), template);
        byLength.computeIfAbsent(template.size(), n -> new ArrayList<>()).add(template);
    }

    private void remove(LogTemplate template) {
        templates.remove(template.id());
        List<LogTemplate> sameLength = byLength.get(template.size());
        sameLength.remove(template);
        if (sameLength.isEmpty()) {
            byLength.remove(template.size());
        }
    }

    private static String familyKey(String[] tokens, int position) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < tokens.length; i++) {
            if (i > 0) {
                key.append(' ');
            }
            key.append(i == position ? MaskedMessage.WILDCARD : tokens[i]);
        }
        return key.toString();
    }
}
