package dev.guardian.billing.rollup;

import dev.guardian.billing.record.CostChange;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.api.java.functions.KeySelector;

/**
 * The cell of a cost change in a rollup: bucket × billing account × sub account × provider ×
 * service × region × currency × the values of the configured tag keys. Also the key selector of the
 * rollup operators; parts are length-prefixed so that no value can be mistaken for two.
 */
public class RollupCell implements KeySelector<CostChange, String>, Serializable {

    private static final long serialVersionUID = 1L;

    private final RollupGranularity granularity;
    private final String[] tagKeys;

    public RollupCell(RollupGranularity granularity, Set<String> tagKeys) {
        this.granularity = granularity;
        this.tagKeys = new TreeSet<>(tagKeys).toArray(new String[0]);
    }

    public static Set<String> parseTagKeys(String commaSeparated) {
        Set<String> keys = new TreeSet<>();
        for (String key : commaSeparated.split(",")) {
            if (!key.isBlank()) {
                keys.add(key.strip());
            }
        }
        return keys;
    }

    @Override
    public String getKey(CostChange c) {
        StringBuilder key = new StringBuilder(128);
        key.append(granularity.bucketStart(c.periodStart));
        for (String part :
                new String[] {
                    c.billingAccountId,
                    c.subAccountId,
                    c.providerName,
                    c.serviceName,
                    c.regionId,
                    c.billingCurrency,
                    tagSet(rollupTags(c))
                }) {
            key.append('|').append(part.length()).append(':').append(part);
        }
        return key.toString();
    }

    public RollupGranularity granularity() {
        return granularity;
    }

    /** The configured tags of the change, {@code k1, v1, ...} sorted by key. */
    public String[] rollupTags(CostChange c) {
        List<String> flat = new ArrayList<>();
        for (String key : tagKeys) {
            String value = c.tag(key);
            if (value != null) {
                flat.add(key);
                flat.add(value);
            }
        }
        return flat.toArray(new String[0]);
    }

    /** {@code k1=v1,k2=v2}: the tag part of the cell as one sortable text. */
    public static String tagSet(String[] flatTags) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i + 1 < flatTags.length; i += 2) {
            if (text.length() > 0) {
                text.append(',');
            }
            text.append(flatTags[i]).append('=').append(flatTags[i + 1]);
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return granularity + " " + Arrays.toString(tagKeys);
    }
}
