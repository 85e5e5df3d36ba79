"""Turkish words the scale generator builds its content from."""

SECTORS = (
    "Müşteri Hizmetleri", "Finans", "Bankacılık", "Sigortacılık", "Bilişim", "Yazılım",
    "Sağlık", "Eğitim", "Hukuk", "İnsan Kaynakları", "Lojistik", "Perakende", "E-ticaret",
    "Turizm", "Otelcilik", "Gıda", "Tarım", "İnşaat", "Enerji", "Otomotiv", "Tekstil",
    "Medya", "Reklamcılık", "Kamu", "Güvenlik", "Ulaştırma", "Havacılık", "Denizcilik",
    "Kimya", "Üretim",
)  # fmt: skip

#: Occupation nouns; every title ends with one. Includes the collation cases readers meet.
BASES = (
    "Uzmanı", "Asistanı", "Müdürü", "Temsilcisi", "Analisti", "Danışmanı", "Sorumlusu",
    "Yöneticisi", "Koordinatörü", "Mühendisi", "Teknisyeni", "Operatörü", "Editörü",
    "Tasarımcısı", "Planlamacısı", "Denetçisi", "Eğitmeni", "Şefi", "Memuru", "Elemanı",
    "Geliştiricisi", "Direktörü", "Müfettişi", "Satışçısı", "Çalışanı", "Görevlisi",
    "Araştırmacısı", "Yazarı", "Öğretmeni", "İşçisi", "Ustası", "Kâtibi",
)  # fmt: skip
FIELDS = (
    "Müşteri Hizmetleri", "Satış", "Pazarlama", "Dijital Pazarlama", "Muhasebe", "Bordro",
    "Vergi", "Kredi", "Risk", "Yatırım", "Hazine", "Sigorta", "Hasar", "Bilgi Güvenliği",
    "Ağ", "Veri", "Veritabanı", "Yazılım", "Mobil Uygulama", "Web", "Oyun", "3D", "Kalite",
    "Üretim", "Bakım", "Lojistik", "Depo", "Tedarik Zinciri", "Satın Alma", "İhracat",
    "İthalat", "Gümrük", "İnsan Kaynakları", "İşe Alım", "Eğitim", "Ölçme Değerlendirme",
    "Hukuk", "Uyum", "İç Denetim", "Halkla İlişkiler", "Sosyal Medya", "İçerik", "Çağrı Merkezi",
    "Mağaza", "E-ticaret", "Ürün", "Proje", "İş Geliştirme", "Enerji", "Çevre", "İş Sağlığı",
    "Gıda", "Tarım", "Otel", "Rezervasyon", "Ön Büro", "Hasta Hizmetleri", "Laboratuvar",
    "Radyoloji", "Eczane", "Kamu İhale", "Şantiye", "Yapı Denetim", "Ulaşım", "Filo",
    "Havacılık", "Liman", "Kimya", "Tekstil", "Moda", "Grafik", "Video", "Ses", "Çeviri",
    "Arşiv", "Kütüphane", "Güvenlik", "İstatistik", "Aktüerya", "Emlak", "Hâkim Yardımcı",
)  # fmt: skip
LEVELS = ("", "", "", "Kıdemli", "Yardımcı", "Baş", "Stajyer", "Bölge", "Genel", "Uzman Yardımcısı")
#: Titles an editor might really write, spelled so that Turkish order matters.
SPECIAL_TITLES = (
    "Hâkim", "Hz Uzmanı", "Satışçı", "Satış Temsilcisi Yardımcısı", "Veritabanı Yöneticisi",
    "3D Tasarımcı", "Zabıta", "Çevirmen", "Ilık İklim Uzmanı", "İşçi", "Şoför", "Ürün Sahibi",
    "Öğretim Görevlisi", "Ağ Güvenliği Mühendisi", "C++ Geliştirici", "Kuaför", "Kuyumcu",
)  # fmt: skip

SKILL_AREAS = (
    "İletişim", "Problem çözme", "Takım çalışması", "Zaman yönetimi", "Liderlik", "Empati",
    "Analitik düşünme", "Detaylara dikkat", "Müzakere", "Sunum", "Raporlama", "Planlama",
    "Stres yönetimi", "Eleştirel düşünme", "Yaratıcılık", "Uyum sağlama", "Karar verme",
    "Çatışma yönetimi", "Organizasyon", "İkna", "Excel", "SQL", "Python", "Java", "Muhasebe",
    "Vergi mevzuatı", "İş hukuku", "Proje yönetimi", "Bütçe", "Satış", "Müşteri ilişkileri",
    "Sosyal medya", "SEO", "Grafik tasarım", "Veri görselleştirme", "İstatistik", "Ağ",
    "Siber güvenlik", "Bulut", "Kalite", "Lojistik", "Stok", "Tedarik", "İngilizce", "Almanca",
    "Arapça", "İlk yardım", "Hasta bakımı", "Güvenlik", "Ergonomi",
)  # fmt: skip
SKILL_KINDS = ("", " bilgisi", " becerisi", " deneyimi", " sertifikası", " yetkinliği")

SENTENCES = (
    "Bu meslekte günün büyük bölümü ekip arkadaşlarıyla birlikte geçer.",
    "İşverenler çoğunlukla ilgili alanda lisans mezunu adayları tercih eder.",
    "Deneyim arttıkça sorumluluk ve maaş da belirgin biçimde artar.",
    "Büyük şehirlerde iş ilanlarının sayısı daha fazladır.",
    "Dijitalleşme bu işin yapılış biçimini hızla değiştiriyor.",
    "Mesai saatleri genellikle hafta içi 09.00 ile 18.00 arasındadır.",
    "Bazı işyerlerinde vardiyalı çalışma ve hafta sonu nöbeti vardır.",
    "Yabancı dil bilen adaylar uluslararası şirketlerde öne çıkar.",
    "Mesleğe giriş için staj deneyimi büyük avantaj sağlar.",
    "Sektördeki büyüme yeni kadroların açılmasını sağlıyor.",
    "Yoğun dönemlerde fazla mesai gerekebilir.",
    "Uzaktan ve karma çalışma modelleri giderek yaygınlaşıyor.",
    "Mesleki sertifikalar terfi sürecini hızlandırır.",
    "Kamu ve özel sektörde farklı kariyer yolları bulunur.",
    "Müşteri memnuniyeti başarının en önemli ölçüsüdür.",
    "Yapay zekâ araçları rutin işlerin bir kısmını üstleniyor.",
    "İşin doğası gereği dikkat ve sabır gerektirir.",
    "Küçük şirketlerde tek kişi birçok görevi birlikte yürütür.",
    "Ücretler şehir, şirket büyüklüğü ve deneyime göre değişir.",
    "İyi bir iletişim becerisi her aşamada fark yaratır.",
)  # fmt: skip
DUTIES = (
    "Günlük iş planını hazırlamak ve takip etmek",
    "Müşterilerden gelen talepleri yanıtlamak",
    "Haftalık ve aylık raporlar hazırlamak",
    "Ekip üyelerine eğitim vermek",
    "Süreçlerdeki aksaklıkları tespit edip çözüm önermek",
    "Yasal mevzuata uygunluğu denetlemek",
    "Bütçe ve maliyetleri izlemek",
    "Tedarikçilerle görüşmeler yürütmek",
    "Kalite standartlarının korunmasını sağlamak",
    "Yeni projelerin planlanmasına katılmak",
    "Kayıtları düzenli ve güncel tutmak",
    "Yöneticilere düzenli bilgi vermek",
    "Toplantılara katılmak ve kararları uygulamak",
    "İş güvenliği kurallarına uyulmasını sağlamak",
    "Performans göstergelerini ölçmek",
    "Belgeleri hazırlamak ve arşivlemek",
)  # fmt: skip
TRENDS = (
    "Yapay zekâ", "Uzaktan çalışma", "Veri odaklı kararlar", "Otomasyon", "Sürdürülebilirlik",
    "Mobil öncelikli hizmet", "Siber güvenlik", "Esnek çalışma", "Sertifika programları",
)  # fmt: skip

FIRST_NAMES = (
    "Ayşe", "Fatma", "Emine", "Hatice", "Zeynep", "Elif", "Merve", "Büşra", "Şeyma", "İrem",
    "Mehmet", "Mustafa", "Ahmet", "Ali", "Hüseyin", "Hasan", "İbrahim", "Emre", "Burak", "Oğuz",
    "Çağla", "Gökhan", "Ilgın", "Özge", "Ümit", "Şükrü", "Gülşen", "Tuğba", "Doğan", "Işıl",
)  # fmt: skip
LAST_NAMES = (
    "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Yıldırım", "Öztürk", "Aydın",
    "Özdemir", "Arslan", "Doğan", "Kılıç", "Aslan", "Çetin", "Kara", "Koç", "Kurt", "Özkan",
    "Şimşek", "Güneş", "Akın", "Ergün", "Uçar", "Bulut",
)  # fmt: skip
COMMENT_OPENINGS = (
    "Çok faydalı bir yazı olmuş, teşekkürler.",
    "Bu maaşlar İstanbul için geçerli mi?",
    "Ben de bu alanda çalışıyorum, yazılanlar doğru.",
    "Üniversite tercihimi yaparken çok işime yaradı.",
    "Deneyimsiz biri bu işe nasıl başlayabilir?",
    "Maaşlar biraz düşük gösterilmiş bence.",
    "Sertifika programı önerisi olan var mı?",
    "Yazı güzel ama çalışma saatleri daha uzun.",
    "Hangi şehirde iş imkânı daha fazla?",
    "Yüksek lisans gerekli mi sizce?",
)  # fmt: skip
COMMENT_DETAILS = (
    "Üç yıldır bu işi yapıyorum ve çok memnunum.",
    "Özellikle ilk yıl epey zorlandım.",
    "Şirketten şirkete çok fark ediyor.",
    "Ankara'da durum biraz farklı.",
    "Staj yaparken bu bilgileri bilmek isterdim.",
    "Yan haklar da önemli, onlara da değinilebilir.",
    "İngilizce bilmek gerçekten fark yaratıyor.",
    "Vardiyalı çalışma bazen yorucu oluyor.",
    "",
    "",
)  # fmt: skip
SPAM_BODIES = (
    "Ucuz kredi için hemen tıklayın https://ornek.invalid/kredi",
    "Bahis ve casino bonusları burada https://ornek.invalid/bonus",
    "Evden para kazanın, günde 5.000 TL https://ornek.invalid/kazan",
)  # fmt: skip
