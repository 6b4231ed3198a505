import { Outlet } from 'react-router';
import { useAccountLanguage } from './use-language';

/** Screens made for a wall (a session's projection): the account's language, without the header, navigation or footer. */
export function WallLayout() {
  useAccountLanguage();
  return <Outlet />;
}
