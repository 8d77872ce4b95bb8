import GRDB
import RectifyCore
