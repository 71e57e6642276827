// The report's own words in the product's three languages.
export type Lang = "en" | "ar" | "he";

const dict = {
  title: { en: "Weekly situation report", ar: "التقرير الأسبوعي عن الوضع", he: "דוח מצב שבועי" },
  audience: { en: "Audience", ar: "الجمهور", he: "קהל יעד" },
  period: { en: "Period", ar: "الفترة", he: "תקופה" },
  generated: { en: "Generated", ar: "تاريخ الإعداد", he: "הופק" },
  calmByZone: { en: "Calm index by zone", ar: "مؤشر الهدوء حسب المنطقة", he: "מדד הרגיעה לפי אזור" },
  calmByAdmin: { en: "Calm index by governorate", ar: "مؤشر الهدوء حسب المحافظة", he: "מדד הרגיעה לפי נפה" },
  area: { en: "Area", ar: "المنطقة", he: "אזור" },
  calm: { en: "Calm (0–100)", ar: "الهدوء (0–100)", he: "רגיעה (0–100)" },
  band: { en: "Band", ar: "النطاق", he: "טווח" },
  change: { en: "Change", ar: "التغير", he: "שינוי" },
  events: { en: "Events", ar: "الأحداث", he: "אירועים" },
  fatalities: { en: "Fatalities", ar: "القتلى", he: "הרוגים" },
  map: { en: "Incidents of the period", ar: "حوادث الفترة", he: "תקריות התקופה" },
  trend: { en: "Weekly score, last 12 weeks (higher = less calm)", ar: "النتيجة الأسبوعية، آخر 12 أسبوعًا (الأعلى = أقل هدوءًا)", he: "ציון שבועי, 12 השבועות האחרונים (גבוה = פחות רגוע)" },
  byCategory: { en: "Events by category: this week and the previous one", ar: "الأحداث حسب الفئة: هذا الأسبوع والأسبوع السابق", he: "אירועים לפי קטגוריה: השבוע והשבוע הקודם" },
  hotline: { en: "Hotline", ar: "الخط الساخن", he: "הקו החם" },
  notifications: { en: "Notifications", ar: "الإشعارات", he: "הודעות מוקדמות" },
  medianLead: { en: "Median lead time (h)", ar: "متوسط مهلة الإخطار (ساعة)", he: "זמן התראה חציוני (שעות)" },
  late: { en: "Late notifications", ar: "إشعارات متأخرة", he: "הודעות באיחור" },
  medianAck: { en: "Median acknowledgement time (min)", ar: "متوسط زمن الإقرار (دقيقة)", he: "זמן אישור חציוני (דקות)" },
  overdue: { en: "Overdue items", ar: "بنود متأخرة", he: "פריטים באיחור" },
  commitments: { en: "Commitments", ar: "الالتزامات", he: "התחייבויות" },
  status: { en: "Status", ar: "الحالة", he: "מצב" },
  measured: { en: "Measured", ar: "القياس", he: "מדידה" },
  none: { en: "None", ar: "لا يوجد", he: "אין" },
  notAvailable: { en: "No figures available for this audience.", ar: "لا توجد أرقام متاحة لهذا الجمهور.", he: "אין נתונים זמינים לקהל זה." },
  weights: {
    en: "Incidents are weighted by verification state (verified 1, corroborated 0.8, reported or under review 0.5, disputed 0.3, rejected 0) and location precision (1, 0.8, 0.5). The band counts only verified incidents at its calm end and every unrejected claim at full weight at the other.",
    ar: "تُرجَّح الحوادث بحسب حالة التحقق (مُتحقَّق 1، مؤيَّد 0.8، مُبلَّغ أو قيد المراجعة 0.5، متنازع عليه 0.3، مرفوض 0) وبحسب دقة الموقع (1، 0.8، 0.5). يحتسب الطرف الهادئ من النطاق الحوادث المتحقق منها فقط، ويحتسب الطرف الآخر كل ادعاء غير مرفوض بوزن كامل.",
    he: "התקריות משוקללות לפי מצב האימות (מאומת 1, מגובה 0.8, מדווח או בבדיקה 0.5, שנוי במחלוקת 0.3, נדחה 0) ולפי דיוק המיקום (1, 0.8, 0.5). הקצה הרגוע של הטווח סופר רק תקריות מאומתות, והקצה השני כל טענה שלא נדחתה במשקל מלא.",
  },
  public: { en: "Public", ar: "العموم", he: "ציבור" },
  demo: { en: "DEMO DEPLOYMENT — sample data", ar: "نشر تجريبي — بيانات نموذجية", he: "התקנת הדגמה — נתונים לדוגמה" },
  air_drone: { en: "Air/drone strikes", ar: "ضربات جوية/مسيّرة", he: "תקיפות אוויר/רחפנים" },
  shelling: { en: "Shelling", ar: "قصف", he: "הפגזות" },
  armed_clash: { en: "Armed clashes", ar: "اشتباكات مسلحة", he: "עימותים מזוינים" },
  incursion: { en: "Incursions", ar: "توغلات", he: "חדירות" },
} as const;

export type Key = keyof typeof dict;
export const t = (lang: Lang, key: Key): string => dict[key][lang];
