/// A small XHTML node tree: elements with ordered attributes, text, children.
///
/// Nodes never render themselves: `XHTMLSerializer` turns a tree into bytes in one pass,
/// and it is the only place where text is escaped (see there).
///
/// Not `indirect`: the children array already breaks the recursion, and boxing every node
/// (text included) was one allocation per node on pages with ~10⁶ of them.
enum XHTMLNode: Sendable, Hashable {
    case element(XHTMLElement)
    case text(String)

    static func el(_ name: String, _ attributes: [XHTMLAttribute] = [], _ children: [XHTMLNode] = []) -> XHTMLNode {
        .element(XHTMLElement(name, attributes, children))
    }

    static func el(_ name: String, _ attributes: [XHTMLAttribute] = [], text: String) -> XHTMLNode {
        .element(XHTMLElement(name, attributes, [.text(text)]))
    }
}

struct XHTMLAttribute: Sendable, Hashable, ExpressibleByStringLiteral {
    var name: String
    var value: String

    init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    /// `"hidden"` means `hidden="hidden"` (boolean attributes in XHTML).
    init(stringLiteral name: String) { self.init(name, name) }
}

struct XHTMLElement: Sendable, Hashable {
    var name: String
    var attributes: [XHTMLAttribute]
    var children: [XHTMLNode]

    init(_ name: String, _ attributes: [XHTMLAttribute] = [], _ children: [XHTMLNode] = []) {
        self.name = name
        self.attributes = attributes
        self.children = children
    }
}

extension XHTMLNode {
    /// The text content of a tree, without markup (for `<title>`, nav labels…).
    var textContent: String {
        switch self {
        case .text(let s): return s
        case .element(let e): return e.children.map(\.textContent).joined()
        }
    }
}
