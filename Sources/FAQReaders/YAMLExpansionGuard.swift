import CYaml
import FAQModel

/// Counts a YAML text's values as aliases would expand them, on libyaml's event stream and
/// before any node tree exists. Composing first is not safe: a mapping key that is an alias
/// ("billion laughs" as a key) is hashed, and so expanded, while the tree is being built.
/// Here an alias costs the size its anchor was counted at, so the count takes time linear in
/// the text, and the first alias that crosses the limit is named at its place.
enum YAMLExpansionGuard {
    struct Overflow: Error, Equatable {
        /// The alias that crossed the limit (nil when plain values did).
        var alias: String?
        /// Zero-based line and column within the YAML text.
        var line: Int
        var column: Int
    }

    /// Throws `Overflow` when `yaml` stands for more than `limit` values. A syntax error stops
    /// the count quietly: the composer reports it, with its own words and place.
    static func check(_ yaml: String, limit: Int) throws {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(yaml.utf8)
        try bytes.withUnsafeMutableBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var count = 0
            var anchorSizes: [String: Int] = [:]
            // For each open collection: its anchor and the count when it opened.
            var open: [(anchor: String?, start: Int)] = []
            func anchorName(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
                pointer.map { String(cString: $0) }
            }
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return }
                defer { yaml_event_delete(&event) }
                let mark = event.start_mark
                var alias: String?
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return
                case YAML_SCALAR_EVENT:
                    count += 1
                    if let anchor = anchorName(event.data.scalar.anchor) { anchorSizes[anchor] = 1 }
                case YAML_ALIAS_EVENT:
                    alias = anchorName(event.data.alias.anchor)
                    // An unknown alias is the composer's error to report; count it as one value.
                    count += alias.flatMap { anchorSizes[$0] } ?? 1
                case YAML_SEQUENCE_START_EVENT:
                    open.append((anchorName(event.data.sequence_start.anchor), count))
                    count += 1
                case YAML_MAPPING_START_EVENT:
                    open.append((anchorName(event.data.mapping_start.anchor), count))
                    count += 1
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    if let closed = open.popLast(), let anchor = closed.anchor {
                        anchorSizes[anchor] = count - closed.start
                    }
                default:
                    break
                }
                if count > limit {
                    throw Overflow(alias: alias, line: Int(mark.line), column: Int(mark.column))
                }
            }
        }
    }
}
