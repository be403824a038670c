import FAQModel

/// `EPUB/nav.xhtml`: the table of contents (documents → sections → questions, in spine
/// order) and the landmarks (table of contents, start of the body matter).
struct Navigation {
    static let path = "EPUB/nav.xhtml"
    static let href = "nav.xhtml"

    var title: String
    var lang: String
    /// `<li>` items of the toc, already in reading order.
    var items: [XHTMLNode]
    var firstChapter: String

    var xhtml: String {
        let toc = XHTMLNode.el("nav", [XHTMLAttribute("epub:type", "toc"), XHTMLAttribute("id", "toc"), XHTMLAttribute("role", "doc-toc")], [
            .el("h1", [], text: title),
            .el("ol", [], items),
        ])
        let landmarks = XHTMLNode.el("nav", [XHTMLAttribute("epub:type", "landmarks"), XHTMLAttribute("id", "landmarks"), "hidden"], [
            .el("h2", [], text: "Landmarks"),
            .el("ol", [], [
                .el("li", [], [.el("a", [XHTMLAttribute("epub:type", "toc"), XHTMLAttribute("href", "\(Self.href)#toc")], text: "Contents")]),
                .el("li", [], [.el("a", [XHTMLAttribute("epub:type", "bodymatter"), XHTMLAttribute("href", firstChapter)], text: title)]),
            ]),
        ])
        let head = FAQPage.head(title: title, description: nil, keywords: [], authors: [], style: .linked(EPUBEmitter.stylesheetHref))
        return XHTMLSerializer.document(FAQPage.html(lang: lang, head: head, body: [toc, landmarks]))
    }
}
