/// Every element the converter writes, with how `XHTMLWriter` lays it out. Element names are
/// static strings of this table only: nothing from the content ever becomes a tag name.
struct XHTMLTag: Sendable {
    let name: StaticString
    /// Block-level: its start tag begins a line (outside `<pre>`), and its parent's end tag
    /// does when this element is the last thing written in it — golden files diff line by line.
    let isBlock: Bool
    /// May be written as `<name/>` when it has no content.
    let isVoid: Bool
    /// `pre`: no layout newlines anywhere inside (they would become content).
    let isPreformatted: Bool

    private init(_ name: StaticString, block: Bool, void: Bool = false, preformatted: Bool = false) {
        self.name = name
        self.isBlock = block
        self.isVoid = void
        self.isPreformatted = preformatted
    }

    // MARK: XHTML

    static let html = XHTMLTag("html", block: true)
    static let head = XHTMLTag("head", block: true)
    static let body = XHTMLTag("body", block: true)
    static let title = XHTMLTag("title", block: true)
    static let meta = XHTMLTag("meta", block: true, void: true)
    static let link = XHTMLTag("link", block: true, void: true)
    static let style = XHTMLTag("style", block: true)
    static let main = XHTMLTag("main", block: true)
    static let section = XHTMLTag("section", block: true)
    static let div = XHTMLTag("div", block: true)
    static let nav = XHTMLTag("nav", block: true)
    static let h1 = XHTMLTag("h1", block: true)
    static let h2 = XHTMLTag("h2", block: true)
    static let h3 = XHTMLTag("h3", block: true)
    static let h4 = XHTMLTag("h4", block: true)
    static let h5 = XHTMLTag("h5", block: true)
    static let h6 = XHTMLTag("h6", block: true)
    static let p = XHTMLTag("p", block: true)
    static let ul = XHTMLTag("ul", block: true)
    static let ol = XHTMLTag("ol", block: true)
    static let li = XHTMLTag("li", block: true)
    static let pre = XHTMLTag("pre", block: true, preformatted: true)
    static let blockquote = XHTMLTag("blockquote", block: true)
    static let hr = XHTMLTag("hr", block: true, void: true)
    static let table = XHTMLTag("table", block: true)
    static let thead = XHTMLTag("thead", block: true)
    static let tbody = XHTMLTag("tbody", block: true)
    static let tr = XHTMLTag("tr", block: true)
    static let th = XHTMLTag("th", block: true)
    static let td = XHTMLTag("td", block: true)

    static let a = XHTMLTag("a", block: false)
    static let em = XHTMLTag("em", block: false)
    static let strong = XHTMLTag("strong", block: false)
    static let del = XHTMLTag("del", block: false)
    static let code = XHTMLTag("code", block: false)
    static let br = XHTMLTag("br", block: false, void: true)

    /// `h1`…`h6`; `level` is clamped by the callers (1…6).
    static func heading(_ level: Int) -> XHTMLTag {
        switch level {
        case ...1: return h1
        case 2: return h2
        case 3: return h3
        case 4: return h4
        case 5: return h5
        default: return h6
        }
    }

    // MARK: OPF and container.xml

    static let package = XHTMLTag("package", block: true)
    static let metadata = XHTMLTag("metadata", block: true)
    static let manifest = XHTMLTag("manifest", block: true)
    static let spine = XHTMLTag("spine", block: true)
    static let item = XHTMLTag("item", block: true, void: true)
    static let itemref = XHTMLTag("itemref", block: true, void: true)
    static let dcIdentifier = XHTMLTag("dc:identifier", block: true)
    static let dcTitle = XHTMLTag("dc:title", block: true)
    static let dcLanguage = XHTMLTag("dc:language", block: true)
    static let dcDescription = XHTMLTag("dc:description", block: true)
    static let dcSubject = XHTMLTag("dc:subject", block: true)
    static let dcCreator = XHTMLTag("dc:creator", block: true)
    static let dcDate = XHTMLTag("dc:date", block: true)
    static let container = XHTMLTag("container", block: true)
    static let rootfiles = XHTMLTag("rootfiles", block: true)
    static let rootfile = XHTMLTag("rootfile", block: true, void: true)
}
