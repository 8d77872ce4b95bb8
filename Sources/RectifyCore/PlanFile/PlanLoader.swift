import Foundation

/// Loads plans from files and directories: `.yaml`/`.yml`/`.json` plan files, and reports and
/// ledgers (`.txt`, and whatever else `reportExtensions` lists: `.xlsx`, `.csv`, `.docx`)
/// through an importer supplied by the caller (Core does not know reports).
public struct PlanLoader: Sendable {
    /// Turns a report's bytes into a plan; `file` is the path for diagnostics.
    public typealias ReportImporter = @Sendable (_ data: Data, _ file: String) throws(PlanLoadError) -> (Plan, [Diagnostic])

    public var reportImporter: ReportImporter?
    /// The file extensions (lower case, no dot) handed to `reportImporter`.
    public var reportExtensions: Set<String>

    public init(reportImporter: ReportImporter? = nil, reportExtensions: Set<String> = PlanLoader.reportFileExtensions) {
        self.reportImporter = reportImporter
        self.reportExtensions = reportExtensions
    }

    public struct Result: Sendable {
        public var plans: [Plan]
        public var warnings: [Diagnostic]
        /// The files the plans came from, in the order of `plans`.
        public var files: [String]
    }

    public static let planExtensions: Set<String> = ["yaml", "yml", "json"]

    /// The line of a plan file's `id:` (`"id":`) that gives `id`, for a message about it; 1 for
    /// a report or ledger, whose id is its file name.
    static func idLine(_ file: String, _ id: String) -> Int {
        guard planExtensions.contains(URL(fileURLWithPath: file).pathExtension.lowercased()),
            let text = try? String(contentsOfFile: file, encoding: .utf8)
        else { return 1 }
        for (k, line) in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(400).enumerated() {
            let t = line.trimmingCharacters(in: .whitespaces)
            guard t.hasPrefix("id:") || t.hasPrefix("\"id\"") || t.hasPrefix("'id'") else { continue }
            if t.contains(id) { return k + 1 }
        }
        return 1
    }
    /// Reports (`.txt`, `.docx`) and ledgers (`.xlsx`, `.csv`): what `RectifyImport` reads.
    public static let reportFileExtensions: Set<String> = ["txt", "docx", "xlsx", "csv", "html", "htm"]

    /// Loads every path; a directory contributes its plan (and report) files, sorted by name,
    /// not recursing; a report `NAME.txt` with a `NAME.plan.json` (or `.yaml`) beside it is
    /// left to that plan file. Throws one `PlanLoadError` with the errors of all files.
    public func load(_ paths: [String]) throws(PlanLoadError) -> Result {
        var result = Result(plans: [], warnings: [], files: [])
        var errors: [Diagnostic] = []
        var planFiles: [String: String] = [:]
        for file in expand(paths, errors: &errors) {
            do {
                let (plan, warnings) = try loadFile(file)
                result.warnings += warnings
                if let other = planFiles[plan.id] {
                    errors.append(
                        Diagnostic(
                            file: file, line: Self.idLine(file, plan.id), column: 1,
                            message: "plan id '\(plan.id)' is also used by \(other); give one of them another 'id'."))
                    continue
                }
                planFiles[plan.id] = file
                result.plans.append(plan)
                result.files.append(file)
            } catch {
                errors += error.diagnostics
            }
        }
        if errors.contains(where: { $0.severity == .error }) {
            throw PlanLoadError(diagnostics: errors + result.warnings)
        }
        result.warnings += errors.filter { $0.severity == .warning }
        return result
    }

    public func loadFile(_ file: String) throws(PlanLoadError) -> (Plan, [Diagnostic]) {
        let ext = URL(fileURLWithPath: file).pathExtension.lowercased()
        if ext == "json" || ext == "yaml" || ext == "yml", let plan = try Self.mapped(file, yaml: ext != "json") {
            return (plan, [])
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            throw PlanLoadError(diagnostics: [
                Diagnostic(file: file, line: 1, column: 1, message: "cannot read the file: \(Self.reason(error)).")
            ])
        }
        // Named as a report, or not named as a plan: the importer looks at the bytes (a PDF or an
        // old .doc gets advice there, not a YAML syntax error here).
        if reportExtensions.contains(ext) || (reportImporter != nil && !Self.planExtensions.contains(ext)) {
            guard let reportImporter else {
                throw PlanLoadError(diagnostics: [
                    Diagnostic(file: file, line: 1, column: 1, message: "report files cannot be read here.")
                ])
            }
            return try reportImporter(data, file)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw PlanLoadError(diagnostics: [
                Diagnostic(file: file, line: 1, column: 1, message: "plan files must be UTF-8 text; convert the file (iconv -f GB18030 -t UTF-8).")
            ])
        }
        return try PlanReader.read(text, file: file, tryFast: !Self.canMap(file))
    }

    /// A JSON or YAML plan with nothing to report, read by the fast path from the mapped file
    /// (its pages given back as the items are read); nil when the slow path must explain the
    /// file, or it cannot be mapped.
    static func mapped(_ file: String, yaml: Bool) throws(PlanLoadError) -> Plan? {
        let mapped: MappedFile?
        do {
            mapped = try MappedFile.mapping(of: file)
        } catch {
            throw PlanLoadError(diagnostics: [
                Diagnostic(file: file, line: 1, column: 1, message: "cannot read the file: \(describe(errno: error.errno)).")
            ])
        }
        guard let mapped else { return nil }
        let plan =
            yaml
            ? FastYAMLPlan.decode(mapped.bytes, file: file, readThrough: mapped.release(before:))
            : FastJSONPlan.decode(mapped.bytes, file: file, readThrough: mapped.release(before:))
        guard let plan, PlanValidator.problems(in: plan).isEmpty else { return nil }
        return plan
    }

    /// Whether `file` is a regular file (which `mappedJSON` has already tried).
    static func canMap(_ file: String) -> Bool {
        var info = stat()
        return stat(file, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    func expand(_ paths: [String], errors: inout [Diagnostic]) -> [String] {
        var files: [String] = []
        let fm = FileManager.default
        let accepted = reportImporter == nil ? Self.planExtensions : Self.planExtensions.union(reportExtensions)
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                errors.append(Diagnostic(file: path, line: 1, column: 1, message: Self.unreachable(path)))
                continue
            }
            if !isDirectory.boolValue {
                files.append(path)
                continue
            }
            let names: [String]
            do {
                names = try fm.contentsOfDirectory(atPath: path)
            } catch {
                // Not "holds no plan files": the files may be there for another user.
                errors.append(
                    Diagnostic(file: path, line: 1, column: 1, message: "cannot list the directory: \(Self.listingFailure(path, error))."))
                continue
            }
            let nameSet = Set(names)
            let chosen = names.sorted().filter { name in
                let url = URL(fileURLWithPath: name)
                guard accepted.contains(url.pathExtension.lowercased()) else {
                    if let why = Self.skipped(name, in: path) {
                        errors.append(
                            Diagnostic(
                                file: URL(fileURLWithPath: path).appendingPathComponent(name).path, line: 1, column: 1,
                                severity: .warning, message: why))
                    }
                    return false
                }
                // A report imported beside itself (`rectifyctl import -o NAME.plan.json NAME.txt`)
                // is represented by its plan file, which the office may have corrected.
                let stem = url.deletingPathExtension().lastPathComponent
                return Self.planExtensions.contains(url.pathExtension.lowercased())
                    || !["json", "yaml", "yml"].contains { nameSet.contains("\(stem).plan.\($0)") }
            }
            if chosen.isEmpty {
                // An empty plans directory is a mistake (a wrong path, a failed copy), not "no
                // items": on reload it would silently drop every item being chased.
                let kinds = accepted.sorted().map { ".\($0)" }.joined(separator: ", ")
                errors.append(
                    Diagnostic(
                        file: path, line: 1, column: 1,
                        message: "the directory holds no plan files (\(kinds)); list the right directory or add a plan."))
            }
            files += chosen.map { URL(fileURLWithPath: path).appendingPathComponent($0).path }
        }
        return files
    }

    /// Why a file in a plans directory is not loaded, for a warning; nil for files nobody
    /// expects to be loaded (hidden files, editor backups, temporary files).
    static func skipped(_ name: String, in directory: String) -> String? {
        if name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".tmp") || name.hasSuffix(".swp")
            || name.hasSuffix(".bak") || name.hasSuffix(".marker")
        {
            return nil
        }
        let path = URL(fileURLWithPath: directory).appendingPathComponent(name).path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            return nil  // directories are not searched (documented)
        }
        let head = FileHandle(forReadingAtPath: path).map { handle in
            defer { try? handle.close() }
            return handle.readData(ofLength: 512)
        } ?? Data()
        let signature = FileSignature.of(head)
        let what = signature.advice.map { "skipped: it \($0)" }
            ?? "skipped: \(signature.name) by its name; plans are .yaml, .yml or .json, reports .txt or .docx, ledgers .xlsx or .csv."
        return what
    }

    static func reason(_ error: any Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return describe(errno: Int32(underlying.code))
        }
        return ns.localizedDescription
    }

    /// Why a directory cannot be listed, in the system's words ("Permission denied"), not
    /// Foundation's sentence about "the operation".
    static func listingFailure(_ path: String, _ error: any Error) -> String {
        guard let directory = opendir(path) else { return describe(errno: errno) }
        closedir(directory)
        return reason(error)
    }

    /// Why `path` cannot be reached: `fileExists` says only "no", which is wrong for a loop.
    static func unreachable(_ path: String) -> String {
        var info = stat()
        guard stat(path, &info) != 0 else { return "cannot be read." }
        let code = errno
        return code == ENOENT ? "no such file or directory." : describe(errno: code) + "."
    }

    static func describe(errno code: Int32) -> String {
        code == ELOOP
            ? "symlink loop: following its symbolic links never reaches a file (ELOOP)"
            : String(cString: strerror(code))
    }
}
