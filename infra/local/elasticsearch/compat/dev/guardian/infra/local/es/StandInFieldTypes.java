package dev.guardian.infra.local.es;

import java.util.Map;
import org.elasticsearch.index.mapper.KeywordFieldMapper;
import org.elasticsearch.index.mapper.Mapper;
import org.elasticsearch.index.mapper.NumberFieldMapper;
import org.elasticsearch.index.mapper.TextFieldMapper;

/**
 * Field types of unpublished modules (mapper-extras, x-pack), parsed as the closest server type,
 * so index templates written for a full cluster (ECS uses {@code match_only_text} and
 * {@code wildcard}) apply here too. Documents index and search as that server type, and
 * {@code GET _mapping} shows it ({@code text}, {@code keyword}, {@code double}).
 */
final class StandInFieldTypes {

    private StandInFieldTypes() {}

    static Map<String, Mapper.TypeParser> all() {
        return Map.of(
                "match_only_text", TextFieldMapper.PARSER,
                "wildcard", KeywordFieldMapper.PARSER,
                "version", KeywordFieldMapper.PARSER,
                "constant_keyword", without(KeywordFieldMapper.PARSER, "value"),
                "scaled_float", without(NumberFieldMapper.NumberType.DOUBLE.parser(), "scaling_factor"));
    }

    /** The parser, after dropping parameters the server type does not know. */
    private static Mapper.TypeParser without(Mapper.TypeParser parser, String... parameters) {
        return (name, node, context) -> {
            for (String parameter : parameters) {
                node.remove(parameter);
            }
            return parser.parse(name, node, context);
        };
    }
}
