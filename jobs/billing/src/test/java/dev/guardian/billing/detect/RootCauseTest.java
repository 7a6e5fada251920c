package dev.guardian.billing.detect;

import static dev.guardian.billing.testing.Lines.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.guardian.billing.record.CostChange;
import dev.guardian.billing.testing.Lines;
import org.junit.jupiter.api.Test;

class RootCauseTest {

    private static void add(Breakdown b, Lines l) {
        CostChange c = CostChange.of(l.delivered(1));
        b.add(c, c.effectiveCost.doubleValue());
    }

    private static Breakdown usual() {
        Breakdown hour = new Breakdown();
        add(hour, line().resource("i-1").sku("m5").cost(5).tag("team", "web"));
        add(hour, line().resource("i-2").sku("m5").cost(5).tag("team", "web"));
        add(hour, line().resource("db-1").sku("r6g").cost(10).tag("team", "data"));
        return RootCause.learn(null, hour, 20, 1.0 / 48);
    }

    @Test
    void aNewSkuIsTheCauseWithItsDollars() {
        Breakdown hour = new Breakdown();
        add(hour, line().resource("i-1").sku("m5").cost(5).tag("team", "web"));
        add(hour, line().resource("i-2").sku("m5").cost(5).tag("team", "web"));
        add(hour, line().resource("db-1").sku("r6g").cost(10).tag("team", "data"));
        add(hour, line().resource("gpu-1").sku("p4d").cost(32).tag("team", "ml"));
        add(hour, line().resource("gpu-2").sku("p4d").cost(32).tag("team", "ml"));

        RootCause cause = RootCause.explain(hour, usual(), 20);

        assertThat(cause.cause.dimension).isEqualTo("skuId");
        assertThat(cause.cause.value).isEqualTo("p4d");
        assertThat(cause.cause.excess()).isEqualTo(64.0);
        assertThat(cause.byDimension.get("resourceId").get(0).excess()).isEqualTo(32.0);
    }

    @Test
    void oneResourceOfASkuIsMoreTellingThanTheSkuEveryoneUses() {
        Breakdown hour = new Breakdown();
        add(hour, line().resource("i-1").sku("m5").cost(45).tag("team", "web"));
        add(hour, line().resource("i-2").sku("m5").cost(5).tag("team", "web"));
        add(hour, line().resource("db-1").sku("r6g").cost(10).tag("team", "data"));

        RootCause cause = RootCause.explain(hour, usual(), 20);

        assertThat(cause.cause.dimension).isEqualTo("resourceId");
        assertThat(cause.cause.value).isEqualTo("i-1");
        assertThat(cause.cause.excess()).isEqualTo(40.0);
    }

    @Test
    void sharesFollowNormalHoursSlowly() {
        Breakdown hour = new Breakdown();
        add(hour, line().resource("i-1").sku("m5").cost(20).tag("team", "web"));
        Breakdown shares = RootCause.learn(usual(), hour, 20, 0.5);

        assertThat(shares.toMap().get("resourceId=i-1")).isEqualTo(0.25 * 0.5 + 1.0 * 0.5);
        assertThat(shares.toMap().get("resourceId=db-1")).isEqualTo(0.5 * 0.5);
    }
}
