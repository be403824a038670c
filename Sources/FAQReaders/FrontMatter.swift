import FAQModel
import Yams

/// The `---` YAML block at the very top of a document, split off and read with Yams.
struct FrontMatter {
    /// The YAML mapping, key → node, in source order.
    var fields: [(key: String, value: Node)] = []
    /// The text after the front matter.
    var body: Substring
    /// Lines before the body (front matter and its fences), to add to body line numbers.
    var bodyLineOffset: Int
    /// The text opened with a front matter block (the body starts on line 3 or later).
    var isPresent: Bool { bodyLineOffset > 0 }

    /// Splits `text` into front matter and body; a document without `---` on its first line has none.
    static func split(_ text: String, file: String) throws -> FrontMatter {
        // Jekyll's fences: `---`, then optional spaces or tabs, at the start of the text.
        let opening = text.prefix { $0 != "\n" }
        guard opening.hasPrefix("---"), Self.isBlank(opening.dropFirst(3)) else {
            return FrontMatter(body: text[...], bodyLineOffset: 0)
        }
        // Find the closing fence: a line that is exactly `---` or `...`.
        var line = 1
        let yamlStart = text.firstIndex(of: "\n").map { text.index(after: $0) } ?? text.endIndex
        var cursor = yamlStart
        while cursor < text.endIndex {
            line += 1
            let lineEnd = text[cursor...].firstIndex(of: "\n") ?? text.endIndex
            var content = text[cursor..<lineEnd]
            if content.hasSuffix("\r") { content = content.dropLast() }
            if content.hasPrefix("---") || content.hasPrefix("..."), Self.isBlank(content.dropFirst(3)) {
                let yaml = String(text[yamlStart..<cursor])
                let bodyStart = lineEnd < text.endIndex ? text.index(after: lineEnd) : text.endIndex
                var result = FrontMatter(body: text[bodyStart...], bodyLineOffset: line)
                result.fields = try parse(yaml, file: file)
                return result
            }
            cursor = lineEnd < text.endIndex ? text.index(after: lineEnd) : text.endIndex
        }
        throw ReadError("front matter opened by '---' is never closed (expected a '---' line)", at: SourceLocation(file: file, line: 1))
    }

    /// The file line of `key`'s value (Yams marks count from the YAML's first line, which is
    /// line 2 of the file); nil when the key is absent.
    func line(of key: String) -> Int? {
        fields.last { $0.key == key }?.value.mark.map { $0.line + 1 }
    }

    /// Only spaces, tabs and a CR (what may follow a fence).
    static func isBlank(_ rest: Substring) -> Bool {
        rest.unicodeScalars.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" }
    }

    /// The offset just past the closing `---`/`...` line of a front matter block that starts
    /// `bytes`, found on LF line ends (nil when there is none, or lines end in lone CRs).
    static func endOfBlock(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard var lineStart = ByteSearch.first(0x0A, in: bytes).map({ $0 + 1 }) else { return nil }
        while lineStart < bytes.count {
            let lineEnd = ByteSearch.first(0x0A, in: bytes, from: lineStart) ?? bytes.count
            var length = lineEnd - lineStart
            while length > 3, bytes[lineStart + length - 1] == 0x0D || bytes[lineStart + length - 1] == 0x20 || bytes[lineStart + length - 1] == 0x09 {
                length -= 1
            }
            if length == 3 {
                let a = bytes[lineStart], b = bytes[lineStart + 1], c = bytes[lineStart + 2]
                if (a == 0x2D && b == 0x2D && c == 0x2D) || (a == 0x2E && b == 0x2E && c == 0x2E) {
                    return min(lineEnd + 1, bytes.count)
                }
            }
            lineStart = lineEnd + 1
        }
        return nil
    }

    /// The most values a front matter may stand for, aliases counted as expanded.
    static let maxValues = 100_000

    private static func parse(_ yaml: String, file: String) throws -> [(key: String, value: Node)] {
        // Aliases share nodes, so a few lines can stand for billions of them ("billion
        // laughs"); anything that big is refused before a tree is built or walked.
        do {
            try YAMLExpansionGuard.check(yaml, limit: maxValues)
        } catch let overflow as YAMLExpansionGuard.Overflow {
            let what = overflow.alias.map { "alias '*\($0)' makes the front matter too large" } ?? "front matter is too large"
            throw ReadError("\(what): more than 100,000 YAML values (aliases counted as expanded)",
                            at: SourceLocation(file: file, line: overflow.line + 2, column: overflow.column + 1))
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw readError(error, yaml: yaml, file: file)
        }
        guard let node else { return [] }
        guard let mapping = node.mapping else {
            throw ReadError("front matter is not a mapping of keys to values", at: SourceLocation(file: file, line: 2))
        }
        return mapping.map { (key: $0.key.string ?? (try? Yams.serialize(node: $0.key)) ?? "", value: $0.value) }
    }

    /// Yams marks count lines within the YAML text, which starts on line 2 of the file.
    private static func readError(_ error: YamlError, yaml: String, file: String) -> ReadError {
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let what = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
            return ReadError("malformed YAML front matter: \(what)", at: SourceLocation(file: file, line: mark.line + 1, column: mark.column))
        case .duplicatedKeysInMapping(let duplicates, _):
            // Yams names the keys, not where they are: the second top-level `key:` line.
            let key = duplicates.sorted().first ?? ""
            var line = 2
            var seen = 0
            for (index, text) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where [key, "\"\(key)\"", "'\(key)'"].contains(where: { text.hasPrefix($0 + ":") }) {
                seen += 1
                if seen == 2 {
                    line = index + 2
                    break
                }
            }
            return ReadError("duplicate front matter key '\(key)'", at: SourceLocation(file: file, line: line))
        default:
            let first = "\(error)".prefix { $0 != "\n" }
            return ReadError("malformed YAML front matter: \(first)", at: SourceLocation(file: file, line: 2))
        }
    }
}

extension FrontMatter {
    /// Known keys go to their fields; every other key is kept as text in `extra`.
    func metadata() -> Metadata {
        var metadata = Metadata()
        // `key: null` or `key: ~` says "no value": the key is absent, not the text "null".
        for (key, value) in fields where value.null == nil {
            switch key {
            case "title": metadata.title = value.text
            case "description": metadata.description = value.text
            case "keywords": metadata.keywords = value.list
            case "lang", "language": metadata.lang = value.text
            case "date": metadata.date = value.text
            case "permalink": metadata.permalink = value.text
            case "author", "authors": metadata.authors = value.list
            case "og_title": metadata.ogTitle = value.text
            case "og_description": metadata.ogDescription = value.text
            default: metadata.extra[key] = value.text
            }
        }
        return metadata
    }
}

extension Node {
    /// A scalar as written; a sequence or mapping as compact YAML.
    var text: String {
        if let scalar = scalar { return scalar.string }
        let yaml = (try? Yams.serialize(node: self)) ?? ""
        return yaml.hasSuffix("\n") ? String(yaml.dropLast()) : yaml
    }

    /// A sequence of scalars, or a comma-separated scalar, as a list.
    var list: [String] {
        if let sequence = sequence { return sequence.filter { $0.null == nil }.map(\.text).filter { !$0.isEmpty } }
        return text.split(separator: ",").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        // The usual case, nothing to trim, without a scalar walk.
        let whole = String(self)
        if let first = whole.utf8.first, let last = whole.utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 {
            return whole
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
