import Foundation
import Yams

/// A Jekyll site: its source root (the directory holding `_config.yml`) and what the config
/// says about URLs: `url`, `baseurl`, the `permalink` style and the `collections`.
/// Found from an input by looking in its directory and upwards (`find(near:)`).
public struct JekyllSite: Sendable, Hashable {
    /// The source root, an absolute path without a trailing `/`.
    public var root: String
    /// `url`, e.g. `https://site.example` ("" when absent).
    public var url: String
    /// `baseurl`, e.g. `/docs` ("" when absent), without a trailing `/`.
    public var baseurl: String
    /// `permalink`: a built-in style (`date`, the default, `pretty`, `ordinal`, `weekdate`,
    /// `none`) or a pattern such as `/:categories/:title/`.
    public var permalink: String
    /// Collections whose documents Jekyll writes (`output: true`), by label, with their
    /// `permalink` when the config gives one. `posts` is always there.
    var collections: [String: String?]
    /// `jekyll-relative-links` runs (unless `relative_links: {enabled: false}`).
    var relativeLinks = true

    public init(root: String, url: String = "", baseurl: String = "", permalink: String = "date", collections: [String: String?] = [:]) {
        self.root = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
        self.url = url
        self.baseurl = Self.trimmedBase(baseurl)
        self.permalink = permalink
        var collections = collections
        if collections["posts"] == nil { collections["posts"] = .some(nil) }
        self.collections = collections
    }

    /// The nearest `_config.yml` in the directory of `path` or above it (32 levels at most).
    public static func find(near path: String) -> JekyllSite? {
        var directory = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent()
        for _ in 0..<32 {
            let config = directory.appendingPathComponent("_config.yml")
            if let text = try? String(contentsOf: config, encoding: .utf8) {
                return JekyllSite(root: directory.path, config: text)
            }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { break }
            directory = parent
        }
        return nil
    }

    /// A site from the text of its `_config.yml` (unreadable YAML gives Jekyll's defaults).
    init(root: String, config: String) {
        let yaml = (try? Yams.load(yaml: config)) as? [String: Any] ?? [:]
        func string(_ key: String) -> String? {
            guard let value = yaml[key], !(value is NSNull) else { return nil }
            return "\(value)"
        }
        var collections: [String: String?] = [:]
        // (A list of names declares collections without `output`: Jekyll does not write them.)
        if let map = yaml["collections"] as? [String: Any] {
            for (label, settings) in map {
                let settings = settings as? [String: Any] ?? [:]
                let output = (settings["output"] as? Bool) ?? false
                if label == "posts" || output { collections[label] = .some(settings["permalink"] as? String) }
            }
        }
        self.init(root: root, url: string("url") ?? "", baseurl: string("baseurl") ?? "",
                  permalink: string("permalink") ?? "date", collections: collections)
        relativeLinks = ((yaml["relative_links"] as? [String: Any])?["enabled"] as? Bool) != false
    }

    /// `path` relative to the source root (`guide/faq.md`), nil when it is not inside it.
    public func relativePath(of path: String) -> String? {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let prefix = root == "/" ? "/" : root + "/"
        guard absolute.hasPrefix(prefix) else { return nil }
        return String(absolute.dropFirst(prefix.count))
    }

    /// The absolute path of a site-relative path.
    func absolutePath(of relative: String) -> String {
        (root == "/" ? "" : root) + "/" + relative
    }

    /// `baseurl` as Jekyll's `relative_url` uses it: "" or `/x`, never a trailing `/`.
    static func trimmedBase(_ baseurl: String) -> String {
        var base = baseurl
        while base.hasSuffix("/") { base.removeLast() }
        if !base.isEmpty, !base.hasPrefix("/") { base = "/" + base }
        return base
    }
}
