import CLibXML2
import FAQModel

/// Inline elements of docutils' XML into the model, Sphinx roles included: code-like roles
/// (`:func:`, `:class:`, `:envvar:`…) as code, the others as their text, a `:ref:` to a label
/// of this document as a link to it. An unknown role keeps its text, with one warning per role.
struct RSTInlines {
    var file = ""
    private(set) var diagnostics: [Diagnostic] = []
    private var warnedRoles: Set<String> = []

    /// Roles Sphinx shows as code (domain roles such as `py:func` too).
    static let codeRoles: Set<String> = [
        "command", "envvar", "option", "program", "file", "samp", "kbd", "makevar", "mailheader", "mimetype",
        "newsgroup", "regexp", "func", "meth", "class", "mod", "attr", "exc", "data", "obj", "const", "type",
        "member", "var", "macro", "struct", "union", "enum", "enumerator", "expr", "texpr", "keyword", "token",
    ]
    static let callableRoles: Set<String> = ["func", "meth", "py:func", "py:meth", "c:func", "cpp:func", "js:func", "js:meth"]

    mutating func inlines(_ node: XMLNode) -> [Inline] {
        var builder = InlineBuilder()
        for child in node.children { append(child, to: &builder) }
        return builder.finish()
    }

    mutating func inline(_ node: XMLNode) -> [Inline] {
        var builder = InlineBuilder()
        append(node, to: &builder)
        return builder.finish()
    }

    /// A table cell holds paragraphs: their inlines, separated by line breaks.
    mutating func cellInlines(_ entry: XMLNode) -> [Inline] {
        var out: [Inline] = []
        for child in entry.children where child.isElement {
            let content = HTMLConverter.trimmed(child.name == "paragraph" ? inlines(child) : [.text(child.textContent.collapsingWhitespace)])
            if content.isEmpty { continue }
            if !out.isEmpty { out.append(.lineBreak) }
            out += content
        }
        return out
    }

    private mutating func append(_ node: XMLNode, to builder: inout InlineBuilder) {
        if node.isText {
            builder.append(.text((node.pointee.content.map { String(cString: $0) } ?? "").collapsingWhitespace))
            return
        }
        guard node.isElement else { return }
        switch node.name {
        case "emphasis", "title_reference": builder.append(.emphasis(inlines(node)))
        case "strong": builder.append(.strong(inlines(node)))
        case "literal", "math": builder.append(.code(node.textContent))
        case "reference":
            let content = HTMLConverter.trimmed(inlines(node))
            if let uri = node.attribute("refuri"), !uri.isEmpty {
                builder.append(.link(Link(url: uri, content: content)))
            } else if let id = node.attribute("refid"), !id.isEmpty {
                builder.append(.link(Link(url: "#" + id, content: content)))
            } else {
                content.forEach { builder.append($0) }
            }
        case "footnote_reference", "citation_reference":
            builder.append(.text("[\(node.textContent)]"))
        case "image":
            if let uri = node.attribute("uri") {
                builder.append(.image(Image(url: uri, alt: node.attribute("alt") ?? "")))
            }
        case "problematic":
            builder.append(.text(Self.withoutMarkup(node.textContent)))
        case "faqexport_role":
            role(node, to: &builder)
        case "raw", "system_message":
            return  // raw output is never trusted; docutils' messages become warnings elsewhere
        case "target" where node.firstChild == nil:
            return
        default:
            // inline, abbreviation, acronym, subscript, superscript, generated, inline targets…
            inlines(node).forEach { builder.append($0) }
        }
    }

    private mutating func role(_ node: XMLNode, to builder: inout InlineBuilder) {
        let name = node.attribute("role") ?? ""
        var text = node.textContent
        if node.attribute("unknown") != nil {
            if warnedRoles.insert(name).inserted {
                diagnostics.append(.warning("unknown role ':\(name):' is kept as its text", at: SourceLocation(file: file, line: max(1, Int(node.attribute("line") ?? "") ?? 1))))
            }
            builder.append(.text(text))
            return
        }
        let bare = name.split(separator: ":").last.map(String.init) ?? name
        if name == "ref" || name == "numref", let id = node.attribute("refid") {
            builder.append(.link(Link(url: "#" + id, content: [.text(text)])))
        } else if Self.codeRoles.contains(bare) || name.contains(":") {
            if Self.callableRoles.contains(name), node.attribute("explicit") == nil, !text.hasSuffix(")") { text += "()" }
            builder.append(.code(text))
        } else if name == "menuselection" {
            builder.append(.text(text.replacingOccurrences(of: "-->", with: "‣")))
        } else if name == "guilabel" {
            builder.append(.text(text.replacingOccurrences(of: "&&", with: "\u{0}").replacingOccurrences(of: "&", with: "").replacingOccurrences(of: "\u{0}", with: "&")))
        } else {
            builder.append(.text(text))
        }
    }

    /// What docutils could not resolve keeps its words, not its markup: "`Why`_" is "Why".
    static func withoutMarkup(_ raw: String) -> String {
        var text = Substring(raw)
        if text.hasPrefix(":"), let end = text.dropFirst().firstIndex(of: ":") { text = text[text.index(after: end)...] }
        while let first = text.first, "`|*_[".contains(first) { text = text.dropFirst() }
        while let last = text.last, "`|*_]".contains(last) { text = text.dropLast() }
        return String(text).collapsingWhitespace
    }
}

extension String {
    /// XML and reStructuredText whitespace: any run of spaces, tabs and newlines is one space.
    var collapsingWhitespace: String {
        var out = ""
        out.reserveCapacity(utf8.count)
        var inSpace = false
        for scalar in unicodeScalars {
            switch scalar {
            case " ", "\t", "\n", "\r", "\u{0C}":
                if !inSpace { out.unicodeScalars.append(" ") }
                inSpace = true
            default:
                out.unicodeScalars.append(scalar)
                inSpace = false
            }
        }
        return out
    }
}
