#include "ui/train/train-format.h"

#include <cmath>

#include <QCoreApplication>
#include <QLocale>

namespace srllm::ui {

QString formatDuration(double seconds) {
    if (!std::isfinite(seconds) || seconds < 0) return QStringLiteral("–");
    const auto total = static_cast<qint64>(std::llround(seconds));
    const qint64 days = total / 86400, hours = total % 86400 / 3600, minutes = total % 3600 / 60, secs = total % 60;
    if (days > 0) return QCoreApplication::translate("TrainFormat", "%1 d %2 h").arg(days).arg(hours);
    if (hours > 0) return QCoreApplication::translate("TrainFormat", "%1 h %2 min").arg(hours).arg(minutes, 2, 10, QLatin1Char('0'));
    if (minutes > 0) return QCoreApplication::translate("TrainFormat", "%1 min %2 s").arg(minutes).arg(secs, 2, 10, QLatin1Char('0'));
    return QCoreApplication::translate("TrainFormat", "%1 s").arg(secs);
}

QString formatBytes(double bytes) {
    if (!std::isfinite(bytes) || bytes < 0) return QStringLiteral("–");
    return QLocale().formattedDataSize(static_cast<qint64>(bytes), 1, QLocale::DataSizeIecFormat);
}

}  // namespace srllm::ui
