/** Fictitious client managers (客户经理) of the demo branch. Any likeness to real people is chance. */
export interface ClientManagerNameSeed {
  name: string;
  gender: 'm' | 'f';
}

export const CLIENT_MANAGER_NAMES: ClientManagerNameSeed[] = [
  { name: '赵雪莹', gender: 'f' },
  { name: '孙志刚', gender: 'm' },
  { name: '于海洋', gender: 'm' },
  { name: '周丽娜', gender: 'f' },
  { name: '高文博', gender: 'm' },
  { name: '郭佳怡', gender: 'f' },
  { name: '马振东', gender: 'm' },
  { name: '韩晓燕', gender: 'f' },
  { name: '徐鹏飞', gender: 'm' },
  { name: '杨思雨', gender: 'f' },
  { name: '姜立伟', gender: 'm' },
  { name: '崔美玲', gender: 'f' },
];
