package dev.guardian.billing.budget;

import static dev.guardian.billing.testing.Lines.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guardian.billing.record.CostChange;
import dev.guardian.common.cli.UsageException;
import org.junit.jupiter.api.Test;

class BudgetsTest {

    static final String YAML =
            "budgets:\n"
                    + "  - id: web-compute\n"
                    + "    name: Web compute\n"
                    + "    amount: 1000\n"
                    + "    scope:\n"
                    + "      serviceName: [Amazon Elastic Compute Cloud]\n"
                    + "      tags: {team: web}\n"
                    + "    thresholds: [50%, 0.8, 1.0]\n"
                    + "  - id: everything\n"
                    + "    amount: 25000.50\n"
                    + "    forecastAlert: false\n";

    @Test
    void readsScopesThresholdsAndDefaults() {
        Budgets budgets = Budgets.parse(YAML);

        Budget web = budgets.budgets.get(0);
        assertThat(web.thresholds).containsExactly(0.5, 0.8, 1.0);
        assertThat(web.forecastAlert).isTrue();
        assertThat(web.metric).isEqualTo("effectiveCost");
        assertThat(web.matches(CostChange.of(line().tag("team", "web").delivered(1)))).isTrue();
        assertThat(web.matches(CostChange.of(line().tag("team", "db").delivered(1)))).isFalse();
        assertThat(web.matches(CostChange.of(line().service("S3").tag("team", "web").delivered(1))))
                .isFalse();
        Budget all = budgets.budgets.get(1);
        assertThat(all.name).isEqualTo("everything");
        assertThat(all.amount).isEqualByComparingTo("25000.50");
        assertThat(all.forecastAlert).isFalse();
        assertThat(all.matches(CostChange.of(line().delivered(1)))).isTrue();
        assertThat(all.scopeText()).isEqualTo("all spend in USD");
    }

    @Test
    void mistakesNameTheBudgetAndKey() {
        assertThatThrownBy(() -> Budgets.parse("budgets:\n  - id: x\n    amount: -5\n"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("'x'")
                .hasMessageContaining("positive");
        assertThatThrownBy(
                        () -> Budgets.parse("budgets:\n  - id: x\n    amount: 5\n    scop: {}\n"))
                .hasMessageContaining("unknown key 'scop'");
        assertThatThrownBy(
                        () ->
                                Budgets.parse(
                                        "budgets:\n  - id: x\n    amount: 5\n  - id: x\n    amount: 6\n"))
                .hasMessageContaining("duplicate");
        assertThatThrownBy(() -> Budgets.parse("budget: []\n")).hasMessageContaining("budgets:");
    }
}
