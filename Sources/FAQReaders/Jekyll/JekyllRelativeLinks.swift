import Foundation

/// `jekyll-relative-links`, which GitHub Pages always runs: in a Markdown page, a relative
/// link or image to a file of the site (`Formula-Cookbook.md#terms`, `./guide/x.md`,
/// `/assets/a.png`; from the page's folder, or the site root with a leading `/`) is sent to
/// that file's URL under `baseurl` (`/docs/Formula-Cookbook#terms`). Links to files the site
/// does not have, fragments and URLs with a scheme are left alone. `relative_links:
/// {enabled: false}` in `_config.yml` turns it off.
extension JekyllPageContext {
    func relativeLink(_ url: String) -> String? {
        guard let site, site.relativeLinks, let sourcePath, JekyllSite.isMarkdown(sourcePath), !url.isEmpty, !url.hasPrefix("#"), !LiquidURL.isAbsolute(url) else { return nil }
        let hash = url.firstIndex(of: "#")
        let written = String(url[..<(hash ?? url.endIndex)])
        let fragment = hash.map { String(url[$0...]) } ?? ""
        guard !written.isEmpty, let decoded = written.replacingOccurrences(of: "+", with: " ").removingPercentEncoding else { return nil }
        // From the page's folder (or the root), with `.` and `..` worked out.
        let folder = decoded.hasPrefix("/") ? "" : (sourcePath.split(separator: "/").dropLast().joined(separator: "/"))
        var parts: [Substring] = []
        for part in (folder + "/" + decoded).split(separator: "/") {
            if part == "." { continue }
            if part == ".." {
                _ = parts.popLast()
                continue
            }
            parts.append(part)
        }
        let path = parts.joined(separator: "/")
        let file = site.absolutePath(of: path)
        var isDirectory: ObjCBool = false
        guard !path.isEmpty, FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), !isDirectory.boolValue,
              let target = site.url(of: path, data: JekyllFileData.read(file: file))
        else { return nil }
        return address.relative(target) + fragment
    }
}
