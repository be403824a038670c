import CLibXML2
import FAQModel

/// DocBook inline elements into the model: `emphasis` (`role="bold"` is strong), the code-like
/// elements (`literal`, `command`, `filename`, `option`…) as code, `ulink`/`link`/`xref`/`email`
/// as links, `replaceable` as emphasis. A cross-reference to an id this file does not hold is
/// kept as its text (it would lead nowhere), with one warning per target.
struct DocBookInlines {
    let nodes: DocBookNodes
    /// Every id of the document → what an `xref` to it shows (its title, question or xreflabel).
    var labels: [String: String] = [:]

    static let codeElements: Set<String> = [
        "literal", "code", "command", "filename", "option", "envar", "function", "parameter", "varname",
        "classname", "methodname", "constant", "userinput", "computeroutput", "systemitem", "prompt", "markup",
        "tag", "sgmltag", "type", "property", "keycap", "keycombo", "database", "errorcode", "errorname",
        "returnvalue", "symbol", "token", "literallayout", "interfacename", "exceptionname", "structname",
        "structfield", "uri", "varargs", "void", "modifier", "initializer", "package",
    ]
    static let emphasisElements: Set<String> = [
        "replaceable", "citetitle", "firstterm", "glossterm", "foreignphrase", "wordasword", "citation", "citerefentry",
    ]
    static let dropped: Set<String> = ["indexterm", "remark", "comment", "anchor", "co", "alt", "annotation"]

    func inlines(_ node: XMLNode) -> [Inline] {
        var builder = InlineBuilder()
        for child in nodes.children(node) { append(child, to: &builder) }
        return builder.finish()
    }

    func inline(_ child: DocBookNodes.Child) -> [Inline] {
        var builder = InlineBuilder()
        append(child, to: &builder)
        return builder.finish()
    }

    /// All text below a node, entities expanded within the budget (libxml2's own
    /// `xmlNodeGetContent` would expand them without one).
    func text(_ node: XMLNode) -> String {
        var out = ""
        func walk(_ n: XMLNode) {
            for child in nodes.children(n) {
                switch child {
                case .text(let s): out += s
                case .node(let c):
                    if c.isText { out += c.pointee.content.map { String(cString: $0) } ?? "" } else { walk(c) }
                }
            }
        }
        walk(node)
        return out
    }

    private func append(_ child: DocBookNodes.Child, to builder: inout InlineBuilder) {
        switch child {
        case .text(let s): builder.append(.text(s))
        case .node(let node): append(node, to: &builder)
        }
    }

    private func append(_ node: XMLNode, to builder: inout InlineBuilder) {
        if node.isText {
            builder.append(.text((node.pointee.content.map { String(cString: $0) } ?? "").collapsingWhitespace))
            return
        }
        let name = node.name
        if Self.dropped.contains(name) { return }
        if Self.codeElements.contains(name) {
            builder.append(.code(text(node).collapsingWhitespace.trimmingWhitespace()))
            return
        }
        if Self.emphasisElements.contains(name) {
            builder.append(.emphasis(inlines(node)))
            return
        }
        switch name {
        case "emphasis":
            let role = node.attribute("role")?.lowercased()
            builder.append(role == "bold" || role == "strong" ? .strong(inlines(node)) : .emphasis(inlines(node)))
        case "quote":
            builder.append(.text("“"))
            inlines(node).forEach { builder.append($0) }
            builder.append(.text("”"))
        case "ulink":
            link(node.attribute("url"), node, to: &builder)
        case "link":
            if let end = node.attribute("linkend") {
                crossReference(end, shown: HTMLConverter.trimmed(inlines(node)), node, to: &builder)
            } else {
                link(node.attribute("href"), node, to: &builder)
            }
        case "xref":
            if let end = node.attribute("linkend") { crossReference(end, shown: [], node, to: &builder) }
        case "email":
            let address = text(node).trimmingWhitespace()
            builder.append(.link(Link(url: "mailto:" + address, content: [.text(address)])))
        case "footnote":
            let note = HTMLConverter.trimmed(nodes.elements(node).flatMap { inlines($0) + [.text(" ")] })
            if !note.isEmpty { builder.append(.text(" (")); note.forEach { builder.append($0) }; builder.append(.text(")")) }
        case "trademark":
            inlines(node).forEach { builder.append($0) }
            builder.append(.text(node.attribute("class") == "registered" ? "®" : "™"))
        case "inlinemediaobject", "inlinegraphic":
            image(node).map { builder.append(.image($0)) }
        case "superscript", "subscript", "phrase", "abbrev", "acronym", "productname", "application", "guilabel",
             "guimenu", "guimenuitem", "guibutton", "menuchoice", "orgname", "personname", "firstname", "surname",
             "lineannotation", "hardware", "interface", "accel", "shortcut", "mousebutton", "author":
            inlines(node).forEach { builder.append($0) }
        default:
            // A block met inside inline content (a para in a question, a list in a cell):
            // its words, separated from their neighbours.
            builder.append(.text(" "))
            inlines(node).forEach { builder.append($0) }
            builder.append(.text(" "))
        }
    }

    private func link(_ url: String?, _ node: XMLNode, to builder: inout InlineBuilder) {
        var content = HTMLConverter.trimmed(inlines(node))
        guard let url = url?.trimmingWhitespace(), !url.isEmpty else {
            content.forEach { builder.append($0) }
            return
        }
        if content.isEmpty { content = [.text(url)] }
        builder.append(.link(Link(url: url, content: content)))
    }

    private func crossReference(_ end: String, shown: [Inline], _ node: XMLNode, to builder: inout InlineBuilder) {
        let content = shown.isEmpty ? [.text(node.attribute("xreflabel") ?? labels[end] ?? end)] : shown
        guard labels[end] != nil else {
            nodes.warnOnce("xref:" + end, "cross-reference to '\(end)', which is not in this file, is kept as text", line: node.line)
            content.forEach { builder.append($0) }
            return
        }
        builder.append(.link(Link(url: "#" + end, content: content)))
    }

    /// `mediaobject`/`imageobject`/`imagedata fileref`, with `textobject` as the alt text.
    func image(_ node: XMLNode) -> Image? {
        var url: String?
        var alt = ""
        func walk(_ n: XMLNode) {
            for child in nodes.elements(n) {
                switch child.name {
                case "imagedata", "graphic", "inlinegraphic":
                    if url == nil { url = child.attribute("fileref") ?? child.attribute("entityref") }
                case "textobject", "alt":
                    if alt.isEmpty { alt = text(child).collapsingWhitespace.trimmingWhitespace() }
                default: walk(child)
                }
            }
        }
        if let ref = node.attribute("fileref") { url = ref }
        walk(node)
        return url.map { Image(url: $0, alt: alt) }
    }
}
