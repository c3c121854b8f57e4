/**
 * The Vietnamese words of the public report page. Its own small module: the page must stay light, so it
 * does not load the main app's i18next catalogue.
 */
import { REPORT_LIMITS } from '../../../domain/incidents/codes.ts';

const n = (x: number) => x.toLocaleString('vi-VN');

export const S = {
  title: 'Báo tin tai nạn giao thông',
  lead: 'Không cần đăng nhập. Báo tin được lưu trên máy và tự gửi khi có mạng.',
  emergency: 'Có người bị thương nặng? Gọi ngay:',
  call115: 'Gọi 115 – Cấp cứu',
  call113: 'Gọi 113 – Công an',
  offlineBanner: 'Máy đang không có mạng. Bạn vẫn báo tin được: báo tin được lưu lại và tự gửi khi có sóng.',

  // Location
  locationHeading: 'Vị trí tai nạn',
  locate: 'Lấy vị trí của tôi',
  locating: 'Đang lấy vị trí…',
  relocate: 'Lấy lại vị trí',
  pickOnMap: 'Chọn trên bản đồ',
  locationGps: (acc: number) => `Đã lấy vị trí GPS, độ chính xác khoảng ±${n(Math.round(acc))} m.`,
  locationPoor: (acc: number) =>
    `Vị trí GPS chưa chính xác (±${n(Math.round(acc))} m, kém hơn ${n(REPORT_LIMITS.poorAccuracyM)} m). ` +
    'Hãy ra chỗ thoáng rồi lấy lại, hoặc chọn điểm trên bản đồ, hoặc nhập địa điểm bên dưới.',
  locationMap: 'Đã chọn điểm trên bản đồ.',
  locationCoords: (lat: number, lon: number) => `Toạ độ: ${lat.toFixed(5)}, ${lon.toFixed(5)}`,
  clearLocation: 'Bỏ vị trí',
  geoDenied:
    'Bạn chưa cho phép trang này lấy vị trí. Hãy bật quyền vị trí trong trình duyệt, hoặc chọn trên bản đồ, hoặc nhập địa điểm.',
  geoUnavailable:
    'Máy chưa xác định được vị trí. Hãy thử lại ở chỗ thoáng, chọn trên bản đồ hoặc nhập địa điểm.',
  geoTimeout: 'Lấy vị trí quá lâu. Hãy thử lại, chọn trên bản đồ hoặc nhập địa điểm.',
  geoUnsupported: 'Trình duyệt này không lấy được vị trí. Hãy chọn trên bản đồ hoặc nhập địa điểm.',
  placeText: 'Hoặc mô tả địa điểm',
  placeTextHint: 'Ví dụ: Km 45 QL4D, dốc Cổng Trời',

  // Map picker
  mapTitle: 'Chạm vào bản đồ để chọn nơi xảy ra tai nạn',
  mapLoading: 'Đang mở bản đồ…',
  mapUse: 'Dùng điểm này',
  mapCancel: 'Huỷ',
  mapCentre: 'Chọn điểm ở giữa bản đồ',
  mapNoPoint: 'Chưa chọn điểm nào: hãy chạm vào bản đồ.',
  mapPicked: (lat: number, lon: number) => `Điểm đã chọn: ${lat.toFixed(5)}, ${lon.toFixed(5)}`,
  mapFailed:
    'Không mở được bản đồ (máy không hỗ trợ hoặc chưa có mạng lần đầu). Hãy lấy vị trí GPS hoặc nhập địa điểm.',
  mapNoBasemap: 'Chưa tải được bản đồ nền; vẫn chọn được điểm theo toạ độ.',

  // Time, people, vehicles
  whenHeading: 'Thời gian xảy ra',
  whenNow: 'Bây giờ',
  peopleHeading: 'Người bị nạn',
  victims: 'Số người bị nạn',
  trapped: 'Số người mắc kẹt',
  less: (what: string) => `Bớt một (${what.toLowerCase()})`,
  more: (what: string) => `Thêm một (${what.toLowerCase()})`,
  vehiclesHeading: 'Phương tiện liên quan',

  // Photos
  photosHeading: `Ảnh hiện trường (tối đa ${REPORT_LIMITS.maxPhotos})`,
  takePhoto: 'Chụp ảnh',
  choosePhoto: 'Chọn ảnh có sẵn',
  photosHint: 'Ảnh được thu nhỏ trên máy trước khi gửi để gửi nhanh khi sóng yếu.',
  photoWorking: 'Đang xử lý ảnh…',
  photoHasGps: 'Ảnh có vị trí chụp',
  removePhoto: (i: number) => `Xoá ảnh ${i}`,
  photoAlt: (i: number) => `Ảnh hiện trường ${i}`,
  photoUnreadable: (name: string) =>
    `Không đọc được «${name}»: tệp bị hỏng hoặc không phải ảnh. Hãy chụp lại hoặc chọn ảnh khác.`,
  photoCodeMissing:
    'Chưa xử lý được ảnh vì trang chưa tải đủ. Hãy mở lại trang khi có mạng; báo tin vẫn gửi được không cần ảnh.',
  photoTooMany: `Chỉ gửi được tối đa ${REPORT_LIMITS.maxPhotos} ảnh.`,

  // Contact and description
  descriptionHeading: 'Mô tả thêm',
  descriptionHint: 'Ví dụ: xe tải va chạm xe máy, một người bị kẹt trong cabin',
  phone: 'Số điện thoại của bạn (không bắt buộc)',
  phoneConsent: 'Tôi đồng ý để cơ quan chức năng gọi lại số này',

  // Sending
  send: 'Gửi báo tin',
  saving: 'Đang lưu…',
  fixErrors: 'Báo tin chưa gửi được, hãy sửa:',
  saveFailed: 'Không lưu được báo tin trên máy này (bộ nhớ trình duyệt bị chặn hoặc đầy).',

  // Validation
  needLocation: 'Cần vị trí: bấm «Lấy vị trí của tôi», chọn trên bản đồ hoặc nhập địa điểm.',
  trappedTooMany: 'Số người mắc kẹt không thể lớn hơn số người bị nạn.',
  countInvalid: (what: string) => `${what} phải là số nguyên từ 0 đến ${n(REPORT_LIMITS.maxVictims)}.`,
  phoneInvalid: 'Số điện thoại không hợp lệ (ví dụ 0912 345 678).',
  phoneNeedsConsent: 'Cần đồng ý cho liên hệ lại khi để lại số điện thoại.',
  whenInvalid: 'Thời gian xảy ra không hợp lệ.',
  whenFuture: 'Thời gian xảy ra không được ở tương lai.',
  placeTooLong: `Địa điểm dài quá ${n(REPORT_LIMITS.maxPlaceText)} ký tự.`,
  descriptionTooLong: `Mô tả dài quá ${n(REPORT_LIMITS.maxDescription)} ký tự.`,

  // Queue
  queueHeading: 'Báo tin của bạn trên máy này',
  queueKeep: 'Báo tin chờ gửi được giữ trên máy này. Đừng xoá dữ liệu trình duyệt trước khi gửi xong.',
  sendNow: 'Gửi ngay',
  resend: 'Gửi lại',
  edit: 'Sửa',
  editing: (t: string) => `Đang sửa báo tin lưu lúc ${t}. Sửa xong bấm «Gửi báo tin».`,
  cancelEdit: 'Huỷ sửa',
  remove: 'Xoá khỏi máy',
  removeConfirm: 'Xoá báo tin này khỏi máy? Báo tin chưa gửi sẽ bị mất.',
  refresh: 'Cập nhật tình trạng',
  stateLabel: {
    pending: 'Đang chờ gửi',
    sending: 'Đang gửi…',
    sent: 'Đã gửi',
    needs_fix: 'Lỗi cần sửa',
  },
  savedAt: (t: string) => `Lưu lúc ${t}`,
  pendingAuto: 'Sẽ tự gửi khi có mạng.',
  nextTry: (t: string) => `Tự thử lại lúc ${t}.`,
  attempts: (k: number) => `Đã thử ${n(k)} lần.`,
  needsFixHint: 'Máy chủ không nhận báo tin này. Hãy sửa rồi gửi lại.',
  summaryLine: (victims: number, trapped: number, photos: number) =>
    `${n(victims)} người bị nạn, ${n(trapped)} mắc kẹt, ${n(photos)} ảnh`,

  // Reasons a send did not go through
  reasonOffline: 'Không có mạng.',
  reasonNetwork: 'Không kết nối được tới máy chủ.',
  reasonTimeout: 'Mạng quá chậm, hết thời gian chờ.',
  reasonServer: (status: number) => `Máy chủ đang bận hoặc gặp lỗi (mã ${status}).`,
  reasonRateLimited: 'Máy chủ đang nhận quá nhiều tin, sẽ thử lại sau.',
  reasonBadAnswer: 'Máy chủ trả lời không rõ ràng.',
  rejected: (status: number) => `Máy chủ không nhận báo tin (mã ${status}).`,

  // Receipt and lookup
  receiptHeading: 'Đã gửi báo tin',
  trackingCode: 'Mã theo dõi',
  copy: 'Sao chép mã',
  copied: 'Đã sao chép mã.',
  copyFailed: 'Không sao chép được; hãy ghi lại mã.',
  keepCode: 'Hãy ghi lại mã này để xem tình trạng xử lý sau.',
  statusNow: (label: string) => `Tình trạng: ${label}`,
  lookupHeading: 'Tra cứu mã theo dõi',
  lookupLabel: 'Mã theo dõi',
  lookupButton: 'Tra cứu',
  lookupInvalid: 'Mã theo dõi gồm 4–20 chữ cái, chữ số hoặc dấu gạch ngang.',
  lookupNotFound: 'Không tìm thấy mã theo dõi này.',
  lookupOffline: 'Không có mạng, chưa tra cứu được. Hãy thử lại khi có sóng.',
  lookupFailed: 'Chưa tra cứu được, hãy thử lại sau.',
  timelineHeading: 'Tiến trình xử lý',
  receivedAt: (t: string) => `Nhận lúc ${t}`,

  leaveWarning: 'Báo tin đang được gửi. Rời trang bây giờ có thể làm chậm việc gửi.',
} as const;

export type StateKey = keyof typeof S.stateLabel;
