import Foundation
import RectifyCore

/// Turns a 整改进展通报 report into a plan. (Filled in by the importer issue.)
public enum ReportImporter {}
