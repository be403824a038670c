import CLibXML2
import FAQModel

/// Children of a DocBook element as the converter sees them: entity references replaced by
/// the entity's content (within a budget, so a "billion laughs" cannot run away), external
/// entities and XIncludes reported and left out, comments and processing instructions gone.
final class DocBookNodes {
    enum Child {
        case node(XMLNode)
        /// Text standing for something that is not read: `&name;` of an external entity.
        case text(String)
    }

    let file: String
    private var budget: Int
    private(set) var exhausted = false
    private(set) var diagnostics: [Diagnostic] = []
    private var warned: Set<String> = []
    private var expanding: Set<String> = []

    init(file: String, budget: Int) {
        self.file = file
        self.budget = budget
    }

    func children(_ node: XMLNode) -> [Child] {
        var out: [Child] = []
        collect(node.pointee.children, into: &out)
        return out
    }

    func elements(_ node: XMLNode) -> [XMLNode] {
        children(node).compactMap { if case .node(let n) = $0, n.isElement { return n } else { return nil } }
    }

    private func collect(_ first: XMLNode?, into out: inout [Child]) {
        var next = first
        while let node = next {
            next = node.pointee.next
            if node.isElement {
                if node.name == "include" && node.namespaceURI == "http://www.w3.org/2001/XInclude" {
                    xinclude(node, into: &out)
                } else {
                    out.append(.node(node))
                }
            } else if node.isText {
                out.append(.node(node))
            } else if node.isEntityReference {
                entity(node, into: &out)
            }
        }
    }

    private func entity(_ node: XMLNode, into out: inout [Child]) {
        let name = node.name
        guard let entity = node.referencedEntity else {
            out.append(.text("&\(name);"))
            return
        }
        if entity.pointee.etype == XML_EXTERNAL_GENERAL_PARSED_ENTITY || entity.pointee.etype == XML_EXTERNAL_GENERAL_UNPARSED_ENTITY {
            let system = entity.pointee.SystemID.map { String(cString: $0) } ?? ""
            warnOnce("entity:" + name, "entity '&\(name);' is an external file ('\(system)'), which is not read; kept as text", line: node.line)
            out.append(.text("&\(name);"))
            return
        }
        guard !exhausted, !expanding.contains(name) else { return }
        var count = 0
        var child = entity.pointee.children
        while let c = child { count += 1; child = c.pointee.next }
        budget -= count + 1
        if budget < 0 {
            exhausted = true
            return
        }
        expanding.insert(name)
        collect(entity.pointee.children, into: &out)
        expanding.remove(name)
    }

    private func xinclude(_ node: XMLNode, into out: inout [Child]) {
        let href = node.attribute("href") ?? "?"
        warnOnce("xinclude:" + href, "XInclude of '\(href)' is not followed: only this file is read", line: node.line)
        for child in node.children where child.isElement && child.name == "fallback" {
            collect(child.pointee.children, into: &out)
        }
    }

    func warnOnce(_ key: String, _ message: String, line: Int) {
        guard warned.insert(key).inserted else { return }
        diagnostics.append(.warning(message, at: SourceLocation(file: file, line: max(1, line))))
    }
}
