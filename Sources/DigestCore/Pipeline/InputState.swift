import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The size, modification time and identity of every file under the input folders: what a
/// build compares with the last one's to see, without reading a byte, that nothing changed.
/// Conservative: any file touched there (even with the same bytes) means "look closer".
/// Folders and the entries a build skips with a warning (a pipe, a broken link) are in it
/// too, by path alone: one added (an empty `index.mustache/`) is a change, while a
/// temporary file made and deleted again, which changes its folder's time, is not. Hidden
/// entries count only where a build reads them (`static/`).
/// The preview server polls with it too, so it sees the files a build would read.
public struct InputState: Equatable, Sendable {
    struct Entry: Equatable, Sendable {
        var path: String
        var size: Int
        var seconds: Int
        var nanoseconds: Int
        var inode: UInt64
    }

    var entries: [Entry]

    /// The entries by full path.
    var byPath: [String: Entry] {
        Dictionary(entries.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public static func scan(_ inputs: InputPaths) -> InputState {
        var entries: [Entry] = []
        var info = stat()
        /// Regular files; anything at all at `full` when `anyKind` (a folder where `site.yml`
        /// belongs, a file where `static/` does: what a build stops or warns about).
        func add(_ full: String, anyKind: Bool = false) {
            guard stat(full, &info) == 0, anyKind || (info.st_mode & S_IFMT) == S_IFREG else { return }
            entries.append(
                Entry(
                    path: full, size: Int(info.st_size), seconds: Int(info.st_mtim.tv_sec),
                    nanoseconds: Int(info.st_mtim.tv_nsec), inode: UInt64(info.st_ino)))
        }
        for file in inputs.files { add(file.standardizedFileURL.path, anyKind: true) }
        for folder in inputs.folders {
            let path = folder.standardizedFileURL.path
            if stat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR { add(path, anyKind: true) }
            let walk = FolderWalk(folder, hidden: folder == inputs.readsHidden)
            for path in walk.folders + walk.skipped {
                entries.append(Entry(path: path, size: -1, seconds: 0, nanoseconds: 0, inode: 0))
            }
            walk.files.forEach { add($0) }
        }
        return InputState(entries: entries)
    }

    func encode(into writer: inout CacheWriter) {
        writer.add(entries.count)
        for entry in entries {
            writer.add(entry.path)
            writer.add(entry.size)
            writer.add(entry.seconds)
            writer.add(entry.nanoseconds)
            writer.add(entry.inode)
        }
    }

    static func decode(from reader: inout CacheReader) throws(CacheReader.Corrupt) -> InputState {
        var entries: [Entry] = []
        for _ in 0..<(try reader.count(itemSize: 40)) {
            entries.append(
                Entry(
                    path: try reader.string(), size: try reader.int(), seconds: try reader.int(),
                    nanoseconds: try reader.int(), inode: try reader.uint64()))
        }
        return InputState(entries: entries)
    }
}
