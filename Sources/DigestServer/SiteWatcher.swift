import DigestCore
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Reports that an input of the build changed. Uses inotify on Linux (watching new
/// sub-folders as they appear), with a slow poll beside it for what inotify cannot see
/// (an edit behind a symbolic link), and falls back to polling file sizes and modification times
/// elsewhere or when inotify is unavailable. Only the build's inputs count: the output and
/// the cache may sit in the content folder (a site made by `digest init`).
final class SiteWatcher: @unchecked Sendable {
    private let inputs: InputPaths
    private let pollInterval: TimeInterval
    private let forcePolling: Bool
    private let lock = NSLock()
    private var stopped = false
    private var continuation: AsyncStream<Void>.Continuation?

    /// The output's manifest: the site deleted while served (`rm -rf Output`) is built again.
    private let outputManifest: String?

    init(inputs: InputPaths, output: URL? = nil, forcePolling: Bool = false, pollInterval: TimeInterval = 0.5) {
        self.inputs = inputs
        outputManifest = output?.appendingPathComponent(OutputWriter.manifestName).path
        self.forcePolling = forcePolling
        self.pollInterval = pollInterval
    }

    /// How changes are being noticed, for the start-up message.
    private(set) var mode = "polling"

    /// A stream with one element per burst of changes (bursts collapse while unread).
    func changes() -> AsyncStream<Void> {
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        lock.withLock { self.continuation = continuation }
        let thread: Thread
        #if os(Linux)
            if !forcePolling, let inotify = Inotify(inputs: inputs) {
                mode = "inotify"
                thread = Thread { [self] in inotify.run(isStopped: { self.isStopped }) { self.notify() } }
                // inotify does not see an edit to the file a linked dump points to: a slow
                // poll catches what it misses (a change both see costs one more build that
                // finds nothing changed, which the server does not announce).
                let backstop = Thread { [self] in pollLoop(interval: max(pollInterval, 2)) }
                backstop.name = "digest-watcher-poll"
                backstop.start()
            } else {
                thread = Thread { [self] in pollLoop() }
            }
        #else
            thread = Thread { [self] in pollLoop() }
        #endif
        thread.name = "digest-watcher"
        thread.start()
        continuation.onTermination = { [weak self] _ in self?.stop() }
        return stream
    }

    func stop() {
        // Finish outside the lock: finishing runs `onTermination`, which calls `stop()` again.
        let continuation = lock.withLock {
            stopped = true
            defer { self.continuation = nil }
            return self.continuation
        }
        continuation?.finish()
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    private func notify() {
        _ = lock.withLock { continuation?.yield(()) }
    }

    /// Compares the input files' sizes, times and identities, as a build does, every
    /// `interval` (by default the poll interval).
    private func pollLoop(interval: TimeInterval? = nil) {
        var last = InputState.scan(inputs)
        var published = isPublished
        /// Builds still to ask for because the site went missing: one when it vanishes, and
        /// one at each of the next `rebuildRetries` polls while it stays missing (the first
        /// may run while `rm -rf` is still deleting, and refuse a folder of files without a
        /// manifest).
        var pending = 0
        while !isStopped {
            Thread.sleep(forTimeInterval: interval ?? pollInterval)
            let current = InputState.scan(inputs)
            let nowPublished = isPublished
            if nowPublished {
                pending = 0
            } else if published {
                pending = 1 + Self.rebuildRetries
            }
            if current != last || pending > 0 {
                last = current
                pending = max(0, pending - 1)
                notify()
            }
            published = nowPublished
        }
    }

    private static let rebuildRetries = 3

    /// Whether the output holds a site (its manifest); true when not watched.
    private var isPublished: Bool {
        outputManifest.map { FileManager.default.fileExists(atPath: $0) } ?? true
    }
}

#if os(Linux)
    /// The inotify file descriptor and its watches: one per input folder and sub-folder, and
    /// one on each folder holding inputs, where only events naming an input count.
    private final class Inotify: @unchecked Sendable {  // used by the watcher thread alone
        private let fd: Int32
        /// Each watched folder, and whether its hidden entries are inputs (only in `static/`:
        /// a theme's `.git/` or an editor's swap file is no reason to build).
        private var watches: [Int32: (folder: URL, hidden: Bool)] = [:]
        /// For the folders holding inputs: the input names in them, and the folder.
        private var shallow: [Int32: Set<String>] = [:]
        private var shallowPaths: [Int32: URL] = [:]
        /// By path: a `URL` made before its folder existed has no trailing slash, and one made
        /// after has, so `static/` created after the start never matched as a `URL`.
        private let inputFolders: Set<String>
        private let readsHidden: String
        private let mask = UInt32(
            IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB
                | IN_DELETE_SELF | IN_MOVE_SELF)

        init?(inputs: InputPaths) {
            fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
            guard fd >= 0 else { return nil }
            inputFolders = Set(inputs.folders.map(\.standardizedFileURL.path))
            readsHidden = inputs.readsHidden.standardizedFileURL.path
            var parents: [URL: Set<String>] = [:]
            for input in inputs.files + inputs.folders {
                parents[input.standardizedFileURL.deletingLastPathComponent(), default: []].insert(
                    input.lastPathComponent)
            }
            for (parent, names) in parents.sorted(by: { $0.key.path < $1.key.path }) {
                let wd = inotify_add_watch(fd, parent.path, mask)
                if wd >= 0 {
                    shallow[wd, default: []].formUnion(names)
                    shallowPaths[wd] = parent
                }
            }
            for folder in inputFolders.sorted() {
                addRecursively(URL(fileURLWithPath: folder), hidden: folder == readsHidden)
            }
            if watches.isEmpty {
                close(fd)
                return nil
            }
        }

        deinit { close(fd) }

        private func addRecursively(_ folder: URL, hidden: Bool) {
            add(folder, hidden: hidden)
            guard
                let enumerator = FileManager.default.enumerator(
                    at: folder, includingPropertiesForKeys: [.isDirectoryKey],
                    options: hidden ? [] : [.skipsHiddenFiles])
            else { return }
            for case let url as URL in enumerator
            where (try? url.resourceValues(forKeys: [.isDirectoryKey]))?.isDirectory == true {
                add(url, hidden: hidden)
            }
        }

        private func add(_ folder: URL, hidden: Bool) {
            let wd = inotify_add_watch(fd, folder.path, mask)
            if wd >= 0 { watches[wd] = (folder.standardizedFileURL, hidden) }
        }

        /// Reads events until `isStopped`, calling `changed` after each batch.
        func run(isStopped: () -> Bool, changed: () -> Void) {
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            while !isStopped() {
                guard poll(&descriptor, 1, 200) > 0 else { continue }
                let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                guard count > 0 else { continue }
                var offset = 0
                var newFolders: [(folder: URL, hidden: Bool)] = []
                var relevant = false
                while offset + 16 <= count {
                    // struct inotify_event { int wd; uint32_t mask; uint32_t cookie; uint32_t len; char name[]; }
                    let (wd, eventMask, length) = buffer.withUnsafeBytes { bytes in
                        (
                            bytes.load(fromByteOffset: offset, as: Int32.self),
                            bytes.load(fromByteOffset: offset + 4, as: UInt32.self),
                            Int(bytes.load(fromByteOffset: offset + 12, as: UInt32.self))
                        )
                    }
                    let end = min(offset + 16 + length, count)
                    let name = String(decoding: buffer[min(offset + 16, end)..<end].prefix { $0 != 0 }, as: UTF8.self)
                    let isNewFolder =
                        eventMask & UInt32(IN_ISDIR) != 0 && eventMask & UInt32(IN_CREATE | IN_MOVED_TO) != 0
                    if let names = shallow[wd], names.contains(name) {
                        relevant = true
                        // An input folder created after the start (`static/`) is watched from now on.
                        if isNewFolder, let parent = shallowPaths[wd] {
                            let folder = parent.appendingPathComponent(name).standardizedFileURL
                            if inputFolders.contains(folder.path) {
                                newFolders.append((folder, folder.path == readsHidden))
                            }
                        }
                    }
                    if let parent = watches[wd], parent.hidden || !name.hasPrefix(".") {
                        relevant = true
                        if isNewFolder {
                            newFolders.append((parent.folder.appendingPathComponent(name), parent.hidden))
                        }
                    }
                    offset += 16 + length
                }
                for new in newFolders { addRecursively(new.folder, hidden: new.hidden) }
                if relevant { changed() }
            }
        }
    }
#endif
