package dev.guardian.connectors.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClickHouseTableNameTest {

    @Test
    void parsesQualifiedAndBareNames() {
        assertThat(ClickHouseTableName.parse("guardian.metric_points", "x").quoted())
                .isEqualTo("`guardian`.`metric_points`");
        assertThat(ClickHouseTableName.parse("metric_points", "guardian").toString())
                .isEqualTo("guardian.metric_points");
    }

    @Test
    void refusesAnythingButPlainIdentifiers() {
        assertThatThrownBy(() -> ClickHouseTableName.parse("t; DROP TABLE x", "db"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClickHouseTableName.parse("a`b", "db"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClickHouseTableName.parse("a.b.c", "db"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
