import FAQModel

/// The parts of an FAQ page shared by the `xhtml` document and the EPUB chapters: the
/// `<html>`/`<head>` frame, title and preamble, one `<section epub:type="qna">` per
/// section (one for a FAQ without sections) and the table of contents.
struct FAQPage {
    /// A section, or the whole body of a FAQ without sections (then `title` is nil).
    struct Unit {
        var id: String?
        var title: [Inline]?
        var intro: [Block]
        var entries: [Entry]
    }

    static let xhtmlNamespace = "http://www.w3.org/1999/xhtml"
    static let opsNamespace = "http://www.idpf.org/2007/ops"

    let document: FAQDocument
    let units: [Unit]

    init(_ document: FAQDocument) {
        self.document = document
        switch document.body {
        case .entries(let entries):
            units = [Unit(id: nil, title: nil, intro: [], entries: entries)]
        case .sections(let sections):
            // Entry ids are the stable ones; a section id that collides gets a suffix.
            var taken = Set(document.allEntries.map(\.id))
            taken.insert(Self.tocID)
            units = sections.map { section in
                var id = section.id.isEmpty ? "section" : section.id
                while taken.contains(id) { id += "-section" }
                taken.insert(id)
                return Unit(id: id, title: section.title, intro: section.intro, entries: section.entries)
            }
        }
    }

    static let tocID = "faqexport-toc"

    /// The title: front matter `title`, else `og_title`, else "FAQ".
    static func title(of document: FAQDocument) -> String {
        for candidate in [document.metadata.title, document.metadata.ogTitle] {
            if let t = candidate?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty { return t }
        }
        return "FAQ"
    }

    var title: String { Self.title(of: document) }
    var lang: String { document.metadata.lang.isEmpty ? "en" : document.metadata.lang }

    /// Every id a link may point to (sections and questions).
    var targetIDs: [String] { units.compactMap(\.id) + units.flatMap { $0.entries.map(\.id) } }

    // MARK: Frame

    static func html(lang: String, head: XHTMLNode, body: [XHTMLNode]) -> XHTMLNode {
        .el("html", [
            XHTMLAttribute("xmlns", xhtmlNamespace), XHTMLAttribute("xmlns:epub", opsNamespace),
            XHTMLAttribute("lang", lang), XHTMLAttribute("xml:lang", lang),
        ], [head, .el("body", [], body)])
    }

    enum Style { case embedded, linked(String) }

    static func head(title: String, description: String?, keywords: [String], authors: [String], style: Style) -> XHTMLNode {
        var children: [XHTMLNode] = [.el("meta", [XHTMLAttribute("charset", "UTF-8")]), .el("title", [], text: title)]
        if case .embedded = style {
            children.append(.el("meta", [XHTMLAttribute("name", "viewport"), XHTMLAttribute("content", "width=device-width, initial-scale=1")]))
        }
        if let description, !description.isEmpty {
            children.append(.el("meta", [XHTMLAttribute("name", "description"), XHTMLAttribute("content", description)]))
        }
        if !keywords.isEmpty {
            children.append(.el("meta", [XHTMLAttribute("name", "keywords"), XHTMLAttribute("content", keywords.joined(separator: ", "))]))
        }
        for author in authors { children.append(.el("meta", [XHTMLAttribute("name", "author"), XHTMLAttribute("content", author)])) }
        switch style {
        case .embedded: children.append(.el("style", [], text: Stylesheet.css))
        case .linked(let href):
            children.append(.el("link", [XHTMLAttribute("rel", "stylesheet"), XHTMLAttribute("type", "text/css"), XHTMLAttribute("href", href)]))
        }
        return .el("head", [], children)
    }

    func head(style: Style) -> XHTMLNode {
        let m = document.metadata
        return Self.head(title: title, description: m.description ?? m.ogDescription, keywords: m.keywords, authors: m.authors, style: style)
    }

    // MARK: Body parts

    /// `<h1>` with the title, then the preamble.
    func titleAndPreamble(_ content: inout XHTMLContent) -> [XHTMLNode] {
        content.minimumHeadingLevel = 2
        return [.el("h1", [], text: title)] + content.blocks(document.preamble)
    }

    /// One `<section epub:type="qna" role="doc-qna">`; section titles are `h<level>`,
    /// questions one level deeper (or `h<level>` in a FAQ without sections).
    func section(_ unit: Unit, level: Int, content: inout XHTMLContent) -> XHTMLNode {
        var attributes: [XHTMLAttribute] = [XHTMLAttribute("epub:type", "qna"), XHTMLAttribute("role", "doc-qna")]
        var children: [XHTMLNode] = []
        var questionLevel = level
        if let id = unit.id { attributes.append(XHTMLAttribute("id", id)) }
        if let title = unit.title {
            children.append(.el("h\(level)", [], content.inlines(title)))
            questionLevel = min(6, level + 1)
            content.minimumHeadingLevel = questionLevel
            children += content.blocks(unit.intro)
        } else {
            attributes.append(XHTMLAttribute("aria-label", title))
        }
        for entry in unit.entries {
            children.append(.el("h\(questionLevel)", [XHTMLAttribute("id", entry.id), XHTMLAttribute("class", "question")], content.inlines(entry.question)))
            content.minimumHeadingLevel = min(6, questionLevel + 1)
            children += content.blocks(entry.answer)
        }
        return .el("section", attributes, children)
    }

    // MARK: Table of contents

    /// `<li>` items (sections → questions) for `units`; `href` maps an id to a link target.
    static func tocItems(_ units: [Unit], href: (String) -> String, chapterHref: ((Int) -> String)? = nil) -> [XHTMLNode] {
        var items: [XHTMLNode] = []
        for (index, unit) in units.enumerated() {
            let questions = unit.entries.map { entry in
                XHTMLNode.el("li", [], [.el("a", [XHTMLAttribute("href", href(entry.id))], text: label(entry.question.plainText, entry.id))])
            }
            if let title = unit.title {
                let target = chapterHref?(index) ?? unit.id.map(href) ?? href("")
                var children: [XHTMLNode] = [.el("a", [XHTMLAttribute("href", target)], text: label(title.plainText, unit.id ?? "Section"))]
                if !questions.isEmpty { children.append(.el("ol", [], questions)) }
                items.append(.el("li", [], children))
            } else {
                items += questions
            }
        }
        return items
    }

    static func label(_ text: String, _ fallback: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? fallback : trimmed
    }
}

import Foundation
