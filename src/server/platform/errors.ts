/** One error type for the whole platform: a code, a Vietnamese message and details by field or row. */
export interface ErrorDetail {
  path: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badRequest = (message: string, details: ErrorDetail[] = []) =>
  new AppError(400, 'BAD_REQUEST', message, details);
export const unauthorized = (message = 'Bạn cần đăng nhập để tiếp tục.') =>
  new AppError(401, 'UNAUTHENTICATED', message);
export const forbidden = (message = 'Bạn không có quyền thực hiện thao tác này.') =>
  new AppError(403, 'FORBIDDEN', message);
export const notFound = (message = 'Không tìm thấy dữ liệu yêu cầu.') =>
  new AppError(404, 'NOT_FOUND', message);
export const conflict = (message: string, details: ErrorDetail[] = []) =>
  new AppError(409, 'CONFLICT', message, details);
